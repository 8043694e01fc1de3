/**
 * `npm run check`: the static checks of `npm test` — `lint`, `format:check` and `typecheck` — run
 * side by side (each is single-threaded, so together they take about as long as the slowest); the
 * output of one that fails is printed whole. Exits 1 when any of them fails.
 */
import { spawn } from 'node:child_process';

const SCRIPTS = ['lint', 'typecheck', 'format:check'];
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/**
 * Runs one npm script with its output captured.
 * @param {string} script
 * @returns {Promise<{ script: string, code: number, output: string, seconds: number }>}
 */
function run(script) {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(npm, ['run', '-s', script], { stdio: ['ignore', 'pipe', 'pipe'], shell: process.platform === 'win32' });
    let output = '';
    child.stdout.on('data', (chunk) => (output += String(chunk)));
    child.stderr.on('data', (chunk) => (output += String(chunk)));
    child.on('error', (error) => resolve({ script, code: 1, output: `${output}${error.message}\n`, seconds: 0 }));
    child.on('close', (code) => resolve({ script, code: code ?? 1, output, seconds: (performance.now() - started) / 1000 }));
  });
}

const results = await Promise.all(SCRIPTS.map(run));
for (const r of results) {
  process.stdout.write(`${r.code === 0 ? 'ok  ' : 'FAIL'} npm run ${r.script} (${r.seconds.toFixed(1)} s)\n`);
  if (r.code !== 0) process.stdout.write(r.output.endsWith('\n') ? r.output : `${r.output}\n`);
}
process.exitCode = results.every((r) => r.code === 0) ? 0 : 1;
