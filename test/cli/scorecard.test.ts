/**
 * `kpic scorecard` end to end: the shipped catalog on the example data as a table, JSON and a
 * self-contained HTML page; usage errors (exit 2) and invalid catalogs or data (exit 1).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ScorecardReport } from '../../src/scorecard/report.js';
import { MAIN_SCORECARD } from '../scorecard/fixture.js';
import { handOrg } from '../scorecard/helpers.js';
import { cli as kpic, type CliRun } from './helpers.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const EXAMPLE = ['--catalog', 'catalog', '--period', '2025-Q4'];

describe('the shipped catalog on the example data', () => {
  let table: CliRun;
  let json: ScorecardReport;
  beforeAll(async () => {
    table = await kpic(ROOT, ['scorecard', ...EXAMPLE]);
    const out = await kpic(ROOT, ['scorecard', ...EXAMPLE, '--format', 'json']);
    expect(out.code).toBe(0);
    json = JSON.parse(out.stdout) as ScorecardReport;
  });

  it('prints the enterprise scorecard with its perspectives and regions', () => {
    expect(table.code).toBe(0);
    const lines = table.stdout.split('\n');
    expect(lines[0]).toBe('Enterprise scorecard · ACME Sales · 2025-Q4 (2026-07-01 – 2026-09-30)');
    expect(lines[1]).toMatch(
      /^scorecard `enterprise` {3}score \d+\.\d \(10 = on target, 12 at most\) {2}(green|amber|red) {3}children average \d+\.\d \(weighted by quota\)$/,
    );
    for (const title of ['Financial', 'Customer', 'Internal process', 'Learning & growth', '  Bookings', '  Win rate (by count)']) {
      expect(lines.some((l) => l.startsWith(title))).toBe(true);
    }
    // The regions, each with the variant that applies to it.
    expect(lines.find((l) => l.startsWith('AMER '))).toMatch(/^AMER\s+enterprise\s/);
    expect(lines.find((l) => l.startsWith('EMEA '))).toMatch(/^EMEA\s+enterprise_emea\s/);
    expect(lines.find((l) => l.startsWith('APAC '))).toMatch(/^APAC\s+enterprise_apac\s/);
    expect(table.stdout).not.toContain('\u001b[');
  });

  it('JSON: scores are the weighted averages of their parts, weights add up to 100%', () => {
    expect(json.scorecard.id).toBe('enterprise');
    expect(json.period).toEqual({ grain: 'quarter', start: '2026-07-01', last: '2026-09-30', label: '2025-Q4' });
    const ps = json.node.perspectives;
    expect(ps.map((p) => p.perspective)).toEqual(['financial', 'customer', 'internal_process', 'learning_growth']);
    expect(ps.reduce((a, p) => a + p.weight, 0)).toBeCloseTo(1, 12);
    for (const p of ps) {
      const scored = p.kpis.filter((k) => k.score !== null);
      const weight = scored.reduce((a, k) => a + k.weight, 0);
      expect(p.score).toBeCloseTo(scored.reduce((a, k) => a + k.weight * (k.score ?? 0), 0) / weight, 9);
    }
    expect(json.node.score).toBeCloseTo(
      ps.reduce((a, p) => a + p.weight * (p.score ?? 0), 0),
      9,
    );
    expect(json.children?.nodes.map((n) => n.label)).toEqual(['AMER', 'APAC', 'EMEA']);
  });

  it('JSON: attainment is direction-aware (the lower-is-better churn rate: target / value)', () => {
    const churn = json.node.perspectives.flatMap((p) => p.kpis).find((k) => k.kpi === 'logo_churn_rate_ttm');
    expect(churn?.direction).toBe('down');
    expect(churn?.attainment).toBeCloseTo((churn?.target ?? 0) / (churn?.value ?? 1), 12);
  });

  it('a region shows its teams; a team shows its reps, each scored by their role', async () => {
    const region = await kpic(ROOT, ['scorecard', ...EXAMPLE, '--at', 'region=EMEA', '--format', 'json']);
    const r = JSON.parse(region.stdout) as ScorecardReport;
    expect(r.node.scorecard?.id).toBe('enterprise_emea');
    expect(r.children?.level).toBe('team');
    expect(r.children?.nodes.map((n) => n.label)).toContain('EMEA Mid-Market');
    const team = await kpic(ROOT, ['scorecard', ...EXAMPLE, '--at', 'team=EMEA Mid-Market', '--format', 'json']);
    const t = JSON.parse(team.stdout) as ScorecardReport;
    expect(t.children?.level).toBe('rep');
    expect(new Set(t.children?.nodes.map((n) => n.scorecard?.id ?? 'none'))).toContain('ae');
  });

  it('writes a self-contained HTML page', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kpic-scorecard-'));
    const out = path.join(dir, 'scorecard.html');
    const run = await kpic(ROOT, ['scorecard', ...EXAMPLE, '--format', 'html', '--out', out]);
    expect([run.code, run.stdout]).toEqual([0, '']);
    const html = readFileSync(out, 'utf8');
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<style>');
    expect(html).not.toMatch(/<script|<link|\ssrc=|\shref=|url\(/i);
    expect(html.match(/<table>/g)?.length).toBe(html.match(/<\/table>/g)?.length);
    expect(html).toContain('<title>Enterprise scorecard — ACME Sales · 2025-Q4</title>');
    for (const region of ['AMER', 'APAC', 'EMEA']) expect(html).toContain(`<td>${region}</td>`);
    expect(html).toMatch(/class="chip bg-(green|amber|red)"/);
  });
});

describe('usage errors exit 2, invalid catalogs and data exit 1', () => {
  it.each([
    [['--scorecard', 'enterprize'], 'unknown scorecard or role `enterprize`; did you mean `enterprise`?'],
    [['--period', '2026-Q5'], '`2026-Q5` is not a period'],
    [['--at', 'regoin=EMEA'], 'unknown level `regoin` in --at; did you mean `region`?'],
    [['--at', 'region=EMAE'], 'no region `EMAE` in the organisation of 2025-Q4; did you mean `EMEA`?'],
    [['--format', 'pdf'], 'unknown value `pdf` for `--format`'],
    [['--out'], '`--out` needs a value'],
    [['--colour'], 'unknown flag `--colour`'],
  ])('%j', async (args, message) => {
    const run = await kpic(ROOT, [
      'scorecard',
      '--catalog',
      'catalog',
      ...(args.includes('--period') ? [] : ['--period', '2025-Q4']),
      ...args,
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stdout).toBe('');
  });

  it('help, both ways', async () => {
    for (const argv of [
      ['scorecard', '--help'],
      ['help', 'scorecard'],
    ]) {
      const run = await kpic(ROOT, argv);
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(
        /^usage: kpic scorecard \[--catalog DIR\] \[--data DIR\] \[--scorecard ID\] \[--period P\] \[--at LEVEL=VALUE\] \[--format table\|json\|html\] \[--out FILE\]/,
      );
    }
  });

  it('a catalog with scorecard errors is refused with its diagnostics', async () => {
    const ws = handOrg({
      'sc.yaml': MAIN_SCORECARD.replace('weight: 50%\n    kpis:\n      - kpi: bookings', 'weight: 40%\n    kpis:\n      - kpi: bookings'),
    });
    const run = await kpic(ws.root, ['scorecard', '--catalog', 'catalog']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('error[scorecard/weights]');
    expect(run.stderr).toContain('catalog/sc.yaml:5:1: error[scorecard/weights] the perspective weights of scorecard `main` add up to 90%');
  });

  it('data that breaks its contract is refused', async () => {
    const ws = handOrg({ 'sc.yaml': MAIN_SCORECARD });
    const bad = await kpic(ws.root, ['scorecard', '--catalog', 'catalog', '--period', '2025-Q2', '--data', path.join(ws.root, 'missing')]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('data/missing-file');
  });

  it('catalog and data text is escaped in the HTML page', async () => {
    const ws = handOrg({ 'sc.yaml': MAIN_SCORECARD.replace('title: Main', "title: '<Main & co>'") });
    const run = await kpic(ws.root, ['scorecard', '--catalog', 'catalog', '--period', '2025-Q2', '--format', 'html']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('&lt;Main &amp; co&gt;');
    expect(run.stdout).not.toContain('<Main');
  });
});
