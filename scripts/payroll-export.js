/**
 * `npm run payroll`: writes the example payroll export, examples/payroll/paid-fy2025.csv — what
 * payroll paid in fiscal year 2025 on the shipped plans (catalog/plans/) over the example data,
 * one row per plan, pay period, rep and component — with a few errors planted on purpose, and
 * examples/payroll/planted.csv, the list of those errors with the cause `kpic payouts --audit`
 * must give for each. It computes the payouts with the built CLI, plants the errors, then runs
 * the audit and stops with exit 1 unless the audit finds exactly the planted errors with their
 * causes. Run it after a change to the plans or the example data, and commit both files.
 *
 * Usage: npm run payroll   (builds first; or `node scripts/payroll-export.js` after a build)
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const out = path.join(root, 'examples', 'payroll');
const paidFile = path.join(out, 'paid-fy2025.csv');
const plantedFile = path.join(out, 'planted.csv');

/** Runs the CLI in the project folder; returns stdout (exit 1 is an audit with differences). */
function kpic(args) {
  try {
    return execFileSync(process.execPath, [path.join(root, 'bin', 'kpic.js'), ...args, '--catalog', 'catalog'], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 1 << 28,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
  } catch (error) {
    if (error.status === 1 && typeof error.stdout === 'string') return error.stdout;
    throw error;
  }
}

/** Cents of an amount the CLI printed as a JSON number (at most two decimals). */
const cents = (n) => BigInt(Math.round(n * 100));
/** Cents as payroll text (`-1234.05`). */
function money(c) {
  const sign = c < 0n ? '-' : '';
  const abs = c < 0n ? -c : c;
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}

const report = JSON.parse(kpic(['payouts', '--period', '2025', '--statement', '--format', 'json']));
const rows = [];
for (const plan of report.plans)
  for (const rep of plan.reps)
    for (const x of rep.periods) {
      const base = { plan: plan.plan, period: x.period, rep: rep.rep, x, credit: 0n };
      for (const c of x.components) if (c.amount !== 0) rows.push({ ...base, component: c.id, cents: cents(c.amount) });
      if (x.draw !== 0) rows.push({ ...base, component: 'draw', cents: cents(x.draw) });
    }
const order = (a, b) =>
  a.plan.localeCompare(b.plan) || a.period.localeCompare(b.period) || a.rep.localeCompare(b.rep) || a.component.localeCompare(b.component);
rows.sort(order);

const planted = [];
const pick = (what, test) => {
  const row = rows.find((r) => !r.planted && test(r));
  if (row === undefined) throw new Error(`no payroll row to plant ${what} on`);
  row.planted = true;
  return row;
};
const plant = (row, error, cause) =>
  planted.push({ plan: row.plan, period: row.period, rep: row.rep, component: row.component, error, cause });

// 1. A commission the payroll run dropped.
const dropped = pick(
  'a missing row',
  (r) => r.plan === 'ae_commission' && r.period === '2025-Q3' && r.component === 'commission' && r.cents > 100000n,
);
rows.splice(rows.indexOf(dropped), 1);
plant(dropped, 'missing', 'missing from payroll');

// 2. A commission paid twice (the same amount on two rows).
const twice = pick(
  'a double payment',
  (r) => r.plan === 'am_commission' && r.period === '2025-Q2' && r.component === 'commission' && r.cents > 0n,
);
rows.splice(rows.indexOf(twice) + 1, 0, { ...twice });
plant(twice, 'paid twice', 'paid 2 times');

// 3. A commission paid at the next tier's rate: every line of the period at 2%, paid at 3%.
const atOneRate = (r) => {
  const lines = (r.x.lines ?? []).filter((l) => l.component === r.component);
  return lines.length > 0 && lines.every((l) => l.kind === 'rate' && l.rate === 0.02 && l.multiplier === 1);
};
const misrated = pick(
  'a misapplied rate',
  (r) => r.plan === 'am_commission' && r.period === '2025-Q3' && r.component === 'commission' && atOneRate(r),
);
const credit = misrated.x.lines.filter((l) => l.component === 'commission').reduce((s, l) => s + cents(l.credit), 0n);
misrated.cents = (credit * 3n + 50n) / 100n; // 3% of the credit, half up to the cent
plant(misrated, 'rate misapplied', 'rate misapplied');

// 4. A rep paid on a plan they are not on (an SDR paid AE commission).
const sdr = pick('an SDR', (r) => r.plan === 'sdr_commission' && r.period === '2026-06' && r.component === 'commission');
sdr.planted = false;
const notOnPlan = { plan: 'ae_commission', period: '2025-Q4', rep: sdr.rep, component: 'commission', cents: 250000n, planted: true };
rows.push(notOnPlan);
plant(notOnPlan, 'not on plan', `rep \`${sdr.rep}\` is not on plan \`ae_commission\``);

// 5. A component the plan does not have.
const ae = pick('an AE', (r) => r.plan === 'ae_commission' && r.period === '2025-Q4' && r.component === 'commission' && r.cents > 0n);
ae.planted = false;
const unknown = { plan: 'ae_commission', period: '2025-Q4', rep: ae.rep, component: 'accelerator', cents: 150000n, planted: true };
rows.push(unknown);
plant(unknown, 'unknown component', 'plan `ae_commission` has no component `accelerator`');

// 6. A keying error: two digits of an SDR commission swapped.
const typo = pick('a keying error', (r) => {
  const text = money(r.cents);
  return r.plan === 'sdr_commission' && r.period === '2026-03' && r.component === 'commission' && text.length >= 7 && text[0] !== text[1];
});
const text = money(typo.cents);
typo.cents = BigInt(`${text[1]}${text[0]}${text.slice(2)}`.replace('.', ''));
plant(typo, 'keying error', 'not explained by the data');

rows.sort(order);
planted.sort(order);
mkdirSync(out, { recursive: true });
writeFileSync(
  paidFile,
  ['plan,period,rep,component,amount', ...rows.map((r) => `${r.plan},${r.period},${r.rep},${r.component},${money(r.cents)}`), ''].join(
    '\n',
  ),
);
writeFileSync(
  plantedFile,
  [
    'plan,period,rep,component,error,cause',
    ...planted.map((p) => `${p.plan},${p.period},${p.rep},${p.component},${p.error},"${p.cause.replaceAll('"', '""')}"`),
    '',
  ].join('\n'),
);

// The audit must find exactly the planted errors, each with its cause.
const audit = JSON.parse(kpic(['payouts', '--audit', path.relative(root, paidFile), '--format', 'json']));
const key = (d) => `${d.plan} ${d.period} ${d.rep} ${d.component}`;
const found = new Map(audit.differences.map((d) => [key(d), d.cause]));
const problems = [];
for (const p of planted) {
  const cause = found.get(key(p));
  if (cause === undefined) problems.push(`planted ${p.error} not found: ${key(p)}`);
  else if (!cause.startsWith(p.cause)) problems.push(`planted ${p.error} at ${key(p)} found as: ${cause}`);
  found.delete(key(p));
}
for (const [k, cause] of found) problems.push(`difference not planted: ${k}: ${cause}`);
if (problems.length > 0) {
  process.stderr.write(
    `payroll-export: the audit does not find exactly the planted errors:\n${problems.map((p) => `  ${p}`).join('\n')}\n`,
  );
  process.exit(1);
}
process.stdout.write(
  `wrote ${path.relative(root, paidFile)} (${rows.length} rows) and ${path.relative(root, plantedFile)} (${planted.length} planted errors, each found by the audit)\n`,
);
