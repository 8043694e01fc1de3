/**
 * The serve benchmark (issue 16): `kpic serve`'s pages and API on the shipped catalog, for the
 * example organisation and for a generated one of about 3,000 reps (`npm run generate -- --scale
 * 180000`). For each data folder: the time of each page and API answer cold (figures computed) and
 * cached (reused until their refresh), for an executive, a region manager and a rep; then the
 * number of concurrent users the server sustains with every page answered in under one second
 * (95th percentile), each user loading the pages of the executive's drill-down over and over.
 * Runs the compiled package (dist/) in this process over real HTTP on 127.0.0.1; writes
 * bench/serve-results.md.
 *
 * Usage: npm run bench:serve -- [--data DIR]… [--rounds N]
 *   --data DIR   a data folder (repeatable; default examples/data)
 *   --rounds N   requests per user per concurrency level (default 10)
 */
/* global fetch */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { URLSearchParams, fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.dirname(here);
const dist = (p) => import(path.join(root, 'dist', p));
const { checkCatalog } = await dist('check-catalog.js');
const { checkScorecards } = await dist('scorecard/check.js');
const { readAccess } = await dist('access/read.js');
const { hashPassword, parseUsersFile, writeUsersFile } = await dist('access/users-file.js');
const { openCommentary } = await dist('commentary/store.js');
const { createDashboard } = await dist('dashboard/dashboard.js');
const { nodeAtText } = await dist('dashboard/node-path.js');
const { createApp } = await dist('server/app.js');
const { createAuth } = await dist('server/auth.js');
const { startServer } = await dist('server/start.js');

const argv = process.argv.slice(2);
const dataDirs = [];
let rounds = 10;
for (let i = 0; i < argv.length; i++) {
  if (argv[i] === '--data') dataDirs.push(path.resolve(argv[++i] ?? ''));
  else if (argv[i] === '--rounds') rounds = Number(argv[++i]);
  else {
    console.error(`unknown argument \`${argv[i]}\`\nusage: npm run bench:serve -- [--data DIR]… [--rounds N]`);
    process.exit(2);
  }
}
if (dataDirs.length === 0) dataDirs.push(path.join(root, 'examples/data'));

const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;
const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? 0;
};

async function timed(base, cookie, url) {
  const t0 = process.hrtime.bigint();
  const r = await fetch(`${base}${url}`, { headers: { cookie } });
  await r.arrayBuffer();
  if (r.status !== 200) throw new Error(`${url}: ${r.status}`);
  return ms(t0);
}

async function signIn(base, user) {
  const r = await fetch(`${base}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ user, password: `bench-${user}-pw` }),
  });
  return (r.headers.get('set-cookie') ?? '').split(';')[0];
}

async function benchData(dataDir) {
  const checked = checkCatalog(path.join(root, 'catalog'));
  const scorecards = checkScorecards(checked.resolved).value;
  const policy = [...readAccess(checked.resolved, scorecards.hierarchies).value.values()][0];
  const state = mkdtempSync(path.join(os.tmpdir(), 'kpic-bench-serve-'));
  const commentary = openCommentary(path.join(state, 'commentary.db'));
  // Who to be: the executive, the manager of the largest region, a rep of its largest team.
  const probe = createDashboard({ resolved: checked.resolved, scorecards, policy, dataDir, commentary });
  const t0 = process.hrtime.bigint();
  const dates = (await probe.dates()).value;
  const org = await probe.organisation(dates.latest);
  const datesMs = ms(t0);
  const bySize = (nodes) => [...nodes].sort((a, b) => b.members.length - a.members.length)[0];
  const region = bySize(org.tree.children);
  const team = bySize(region.children.filter((c) => c.value !== null));
  const rep = team.children.find((c) => c.managers.length === 0 || !c.managers.includes(c.value)) ?? team.children[0];
  const people = [
    ['ceo', undefined],
    ['director', region.managers[0]],
    ['rep', rep.value],
  ];
  const users = parseUsersFile(
    writeUsersFile(people.map(([user, member]) => ({ user, member, password: hashPassword(`bench-${user}-pw`) }))),
  );
  const dashboard = createDashboard({ resolved: checked.resolved, scorecards, policy, dataDir, commentary });
  const server = await startServer(createApp({ dashboard, auth: createAuth({ users: users.users }) }), { port: 0, host: '127.0.0.1' });
  const base = server.url.replace(/\/$/, '');
  const cookies = Object.fromEntries(await Promise.all(people.map(async ([u]) => [u, await signIn(base, u)])));
  const q = (at) => (at === '' ? '' : `?at=${encodeURIComponent(at)}`);
  const regionAt = nodeAtText(dashboard.hierarchy, region);
  const teamAt = nodeAtText(dashboard.hierarchy, team);
  const repAt = nodeAtText(dashboard.hierarchy, rep);
  const pages = [
    ['ceo', 'enterprise scorecard (page)', `/`],
    ['ceo', 'enterprise scorecard (API)', `/api/scorecard`],
    ['ceo', `region ${region.label} (page)`, `/${q(regionAt)}`],
    ['ceo', `team ${team.label} (page)`, `/${q(teamAt)}`],
    ['ceo', 'bookings KPI page, enterprise (8 periods)', `/kpi/bookings`],
    ['ceo', `deals behind ${rep.label}'s bookings (page)`, `/rows/bookings${q(repAt)}`],
    ['director', `region ${region.label}, as its manager (page)`, `/`],
    ['director', 'win rate KPI page, region (API)', `/api/kpi/win_rate`],
    ['rep', 'own scorecard, as the rep (page)', `/`],
    ['rep', 'own deals behind bookings (API)', `/api/rows/bookings`],
  ];
  const single = [];
  for (const [user, name, url] of pages) {
    const cold = await timed(base, cookies[user], url);
    const warm = [];
    for (let i = 0; i < 5; i++) warm.push(await timed(base, cookies[user], url));
    single.push({ name, cold, cached: pct(warm, 50) });
  }
  // Concurrent users, each loading the executive's drill-down (cached figures) round after round.
  const drill = pages.filter(([u]) => u === 'ceo').map(([, , url]) => url);
  const levels = [];
  let sustained = 0;
  for (let n = 1; n <= 256; n *= 2) {
    const lat = [];
    const t0 = process.hrtime.bigint();
    await Promise.all(
      Array.from({ length: n }, async (_, u) => {
        for (let r = 0; r < rounds; r++) lat.push(await timed(base, cookies.ceo, drill[(u + r) % drill.length]));
      }),
    );
    const seconds = ms(t0) / 1000;
    const level = { users: n, p50: pct(lat, 50), p95: pct(lat, 95), max: Math.max(...lat), perSecond: lat.length / seconds };
    levels.push(level);
    if (level.p95 < 1000) sustained = n;
    else break;
  }
  await server.close();
  commentary.close();
  const reps = org.tree.members.length;
  return { dataDir, reps, label: `${region.label} / ${team.label} / ${rep.label}`, datesMs, single, levels, sustained };
}

const results = [];
for (const d of dataDirs) {
  process.stderr.write(`serve benchmark on ${d}…\n`);
  results.push(await benchData(d));
}
const f = (x) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
const lines = [
  '# `kpic serve` benchmark',
  '',
  `bench/serve.js on ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} CPU(s) (${os.cpus()[0]?.model ?? 'unknown'}), Node ${process.version}, one server process on 127.0.0.1. ` +
    '"Cold" is the first request (figures computed: data checked, organisation read, scorecard queries run); "cached" the median of 5 requests after it (figures reused until their refresh). ' +
    `The concurrency test runs N users at once, each loading the executive's pages ${rounds} times in turn; it doubles N until the 95th percentile of page times reaches one second.`,
  '',
];
for (const r of results) {
  lines.push(
    `## ${path.relative(root, r.dataDir) || r.dataDir}: ${r.reps} reps in the organisation`,
    '',
    `Drill-down path: ${r.label}. Data dates and organisation: ${f(r.datesMs)} ms.`,
    '',
  );
  lines.push('| Page or API answer | cold (ms) | cached (ms) |', '| --- | ---: | ---: |');
  for (const s of r.single) lines.push(`| ${s.name} | ${f(s.cold)} | ${f(s.cached)} |`);
  lines.push('', '| Concurrent users | p50 (ms) | p95 (ms) | max (ms) | pages/s |', '| ---: | ---: | ---: | ---: | ---: |');
  for (const l of r.levels) lines.push(`| ${l.users} | ${f(l.p50)} | ${f(l.p95)} | ${f(l.max)} | ${f(l.perSecond)} |`);
  lines.push('', `**Sustained: ${r.sustained} concurrent users** with 95% of pages under one second.`, '');
}
writeFileSync(path.join(here, 'serve-results.md'), `${lines.join('\n')}\n`);
process.stdout.write(`${lines.join('\n')}\n`);
