/**
 * Runs one benchmark contender as its own Node process, timed whole (start to exit): wall time,
 * and — through bench/cpu-probe.mjs loaded with `--import` — its CPU time (user + system, every
 * thread) and peak RSS. Shared by the benchmarks under bench/.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * Runs `node ARGS` in `cwd` with `env` added, expecting it to write `out`. Resolves to
 * `{ wall, cpu, rss, out, stderr, code }` (seconds, seconds, MB); rejects when the process exits
 * with a code not in `okCodes` (default: only 0) or writes nothing. `cpuFile` is a scratch file
 * for the probe.
 */
export function timedRun({ name, args, cwd, env = {}, out, cpuFile, okCodes = [0] }) {
  rmSync(out, { force: true });
  rmSync(cpuFile, { force: true });
  const probe = pathToFileURL(path.join(here, 'cpu-probe.mjs')).href;
  const fullEnv = {
    ...process.env,
    ...env,
    KPIC_BENCH_CPU_FILE: cpuFile,
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import=${probe}`.trim(),
  };
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { cwd, env: fullEnv, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('exit', (code) => {
      const wall = (performance.now() - started) / 1000;
      if (!okCodes.includes(code) || !existsSync(out)) {
        reject(new Error(`${name} failed (exit ${code}):\n${stderr}\ncommand: node ${args.join(' ')}`));
        return;
      }
      const cpu = existsSync(cpuFile) ? JSON.parse(readFileSync(cpuFile, 'utf8')) : undefined;
      resolve({ wall, cpu: cpu === undefined ? undefined : cpu.user + cpu.system, rss: cpu?.maxRssMb, out, stderr, code });
    });
  });
}
