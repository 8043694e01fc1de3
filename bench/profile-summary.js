/**
 * Summarises a V8 CPU profile (`node --cpu-prof`): self and inclusive time per function, named
 * `file:function:line` — files of the project as `dist/…`, dependencies as `package:path`.
 *
 * Usage: node bench/profile-summary.js FILE.cpuprofile [--top N] [--match REGEX]
 *   --match  only list inclusive times of functions whose name matches (default: kpic's dist/)
 */
import { readFileSync } from 'node:fs';

const argv = process.argv.slice(2);
const file = argv[0];
const opt = (name, fallback) => {
  const i = argv.indexOf(`--${name}`);
  return i < 0 ? fallback : argv[i + 1];
};
if (file === undefined) {
  console.error('usage: node bench/profile-summary.js FILE.cpuprofile [--top N] [--match REGEX]');
  process.exit(2);
}
const top = Number(opt('top', '25'));
const match = new RegExp(opt('match', '^dist/'));

const profile = JSON.parse(readFileSync(file, 'utf8'));
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const sampled = new Map();
profile.samples.forEach((id, i) => sampled.set(id, (sampled.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));

/** `dist/x.js:fn:line` for the project, `package:path:fn:line` for dependencies. */
function nameOf(node) {
  const { url, functionName, lineNumber } = node.callFrame;
  const dep = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/.exec(url);
  const where = dep !== null ? `${dep[1]}:${dep[2]}` : url.replace(/^file:\/\/.*?\/(dist|bench|bin)\//, '$1/');
  return `${where}:${functionName === '' ? '(anonymous)' : functionName}:${lineNumber + 1}`;
}

const self = new Map();
const inclusive = new Map();
let total = 0;
for (const [id, us] of sampled) {
  total += us;
  const name = nameOf(nodes.get(id));
  self.set(name, (self.get(name) ?? 0) + us);
  const seen = new Set();
  for (let at = id; at !== undefined; at = parent.get(at)) {
    const n = nameOf(nodes.get(at));
    if (seen.has(n)) continue;
    seen.add(n);
    inclusive.set(n, (inclusive.get(n) ?? 0) + us);
  }
}
const ms = (us) => `${(us / 1000).toFixed(0).padStart(6)} ms`;
console.log(`${file}: ${(total / 1000).toFixed(0)} ms sampled\n\nself time:`);
for (const [n, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${ms(us)}  ${n}`);
console.log(`\ninclusive time (${match}):`);
for (const [n, us] of [...inclusive]
  .filter(([n]) => match.test(n))
  .sort((a, b) => b[1] - a[1])
  .slice(0, top))
  console.log(`${ms(us)}  ${n}`);
