/**
 * Loaded into every timed process with `node --import` (through NODE_OPTIONS): on exit, writes
 * the process's CPU time — user and system, every thread, DuckDB's workers included — to the
 * file named by KPIC_BENCH_CPU_FILE. CPU time is steadier than wall time on a shared machine.
 */
import { writeFileSync } from 'node:fs';

const file = process.env.KPIC_BENCH_CPU_FILE;
if (file !== undefined && file !== '') {
  process.on('exit', () => {
    const u = process.resourceUsage();
    writeFileSync(file, JSON.stringify({ user: u.userCPUTime / 1e6, system: u.systemCPUTime / 1e6, maxRssMb: u.maxRSS / 1024 }));
  });
}
