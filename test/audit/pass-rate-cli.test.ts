/**
 * `pass_rate(check)` from the command line: `kpic show` names the checks a KPI reads, and
 * `kpic validate` reports a pass rate of a check that compares rows at its file, line and column.
 */
import { describe, expect, it } from 'vitest';
import { makeWorkspace } from '../helpers/workspace.js';
import { cli } from '../cli/helpers.js';
import { PASS_RATE_DATA, passRateCatalog } from './pass-rate-fixture.js';

describe('pass_rate on the command line', () => {
  it('kpic show lists the check a KPI reads', async () => {
    const ws = makeWorkspace(passRateCatalog('kpi: k\nformula: pass_rate(next_step)\nunit: percent\n'), PASS_RATE_DATA);
    const r = await cli(ws.root, ['show', 'k', '--catalog', 'catalog']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^uses {8}checks next_step$/m);
    const json = await cli(ws.root, ['show', 'k', '--catalog', 'catalog', '--format', 'json']);
    expect((JSON.parse(json.stdout) as { uses: unknown }).uses).toEqual({ kpis: [], lookups: [], checks: ['next_step'] });
  });

  it('kpic validate points at the check named in the formula, and at the check’s related rows', async () => {
    const ws = makeWorkspace(passRateCatalog('kpi: k\nformula: pass_rate(won_without_history)\n'), PASS_RATE_DATA);
    const r = await cli(ws.root, ['validate', '--catalog', 'catalog']);
    expect(r.code).toBe(1);
    expect(r.stderr + r.stdout).toMatch(
      /kpis\.yaml:2:20: error\[resolve\/check-reads-other-rows\] check `won_without_history` compares values computed from related rows/,
    );
    expect(r.stderr + r.stdout).toMatch(/checks\.yaml:\d+:1/);
  });
});
