#!/usr/bin/env node
// The published entry point: the CLI is compiled to dist/ by `npm run build` (run by `prepare`).
let runCli;
try {
  let cleanUpOnSignals;
  ({ runCli, cleanUpOnSignals } = await import('../dist/cli/main.js'));
  cleanUpOnSignals();
} catch (error) {
  process.stderr.write(
    `kpic: cannot load the compiled CLI (${error instanceof Error ? error.message.split('\n')[0] : String(error)})\n` +
      'hint: run `npm install` (or `npm run build`) in the kpic folder first\n',
  );
  process.exit(3);
}
process.exitCode = await runCli(process.argv.slice(2));
