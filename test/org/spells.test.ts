/** Which spell places a member in a period, under each `as_of`. */
import { describe, expect, it } from 'vitest';
import type { Period } from '../../src/periods/period.js';
import { spellsAsOf, type Spell } from '../../src/org/spells.js';

describe('which spell places a member in a period', () => {
  const q2: Period = { grain: 'quarter', start: '2025-04-01', last: '2025-06-30', label: '2025-Q2' };
  const spell = (member: string, from: string | null, to: string | null, team: string): Spell => ({
    member,
    from,
    to,
    values: [null, team],
    labels: [],
    manager: null,
    roles: [],
  });
  const spells = [
    spell('mover', '2024-01-01', '2025-05-14', 'A'),
    spell('mover', '2025-05-15', null, 'B'),
    spell('leaver', '2024-01-01', '2025-05-31', 'A'),
    spell('joiner', '2025-06-10', null, 'B'),
    spell('gone', '2024-01-01', '2025-03-31', 'A'),
    spell('later', '2025-07-01', null, 'A'),
  ];
  const team = (m: Map<string, Spell>): Record<string, string | null | undefined> =>
    Object.fromEntries([...m].map(([k, s]) => [k, s.values[1]]));

  it('period_end: the spell on the last day, or a leaver’s last one', () => {
    expect(team(spellsAsOf(spells, q2, 'period_end'))).toEqual({ mover: 'B', leaver: 'A', joiner: 'B' });
  });

  it('period_start: the spell on the first day, or a joiner’s first one', () => {
    expect(team(spellsAsOf(spells, q2, 'period_start'))).toEqual({ mover: 'A', leaver: 'A', joiner: 'B' });
  });
});
