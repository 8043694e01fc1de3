/**
 * Conditions on the levels of the organisation, evaluated for one node from its scope: SQL's
 * three-valued logic, and the deepest level a condition names.
 */
import { describe, expect, it } from 'vitest';
import type { RowExpr } from '../../src/resolve/types.js';
import { deepestLevel, evaluateScope, holdsFor } from '../../src/org/scope.js';

describe('scope conditions', () => {
  const dim = (name: string): RowExpr => ({ kind: 'dimension', name, type: 'string' });
  const lit = (value: string | null): RowExpr => ({ kind: 'literal', value, type: value === null ? 'null' : 'string' });
  const eq = (name: string, value: string): RowExpr => ({ kind: 'binary', op: '=', left: dim(name), right: lit(value), type: 'boolean' });
  const team = new Map<string, string | null>([
    ['region', 'EMEA'],
    ['team', 'EMEA SMB'],
  ]);
  const region = new Map<string, string | null>([['region', 'EMEA']]);

  it('a region condition holds for the region and what is under it', () => {
    expect([holdsFor(eq('region', 'EMEA'), team), holdsFor(eq('region', 'EMEA'), region), holdsFor(eq('region', 'AMER'), team)]).toEqual([
      true,
      true,
      false,
    ]);
  });

  it('a condition on a lower level is unknown above it, and unknown does not hold', () => {
    expect(evaluateScope(eq('team', 'EMEA SMB'), region)).toBeNull();
    expect(holdsFor(eq('team', 'EMEA SMB'), region)).toBe(false);
    const notTeam: RowExpr = { kind: 'unary', op: 'not', operand: eq('team', 'X'), type: 'boolean' };
    expect(holdsFor(notTeam, region)).toBe(false);
  });

  it('in-lists and the deepest level named', () => {
    const within: RowExpr = { kind: 'in', operand: dim('region'), negated: false, list: [lit('APAC'), lit('EMEA')], type: 'boolean' };
    expect(holdsFor(within, region)).toBe(true);
    const both: RowExpr = { kind: 'binary', op: 'and', left: within, right: eq('team', 'EMEA SMB'), type: 'boolean' };
    expect(deepestLevel(both, ['enterprise', 'region', 'team', 'rep'])).toBe(2);
  });
});
