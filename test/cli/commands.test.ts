/**
 * The command registry: every command is one registration (name, flags, help, lazily loaded
 * handler), listed once, shown in help, and loaded only when it runs — the start-up path of
 * `kpic` (main.ts and what it imports statically) reaches no command's code, no DuckDB and no
 * catalog phase.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { COMMANDS, commandSpec, usageLine, type Command } from '../../src/cli/commands.js';
import { overviewHelp } from '../../src/cli/help.js';

const SRC = path.resolve(import.meta.dirname, '../../src');

function spec(name: string): Command {
  const found = commandSpec(name);
  if (found === undefined) throw new Error(`no command ${name}`);
  return found;
}

/** Files reached from `entry` through static imports (not `import()`), relative to src/. */
function staticClosure(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string): void => {
    const rel = path.relative(SRC, file);
    if (seen.has(rel)) return;
    seen.add(rel);
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
    for (const s of source.statements) {
      const spec = (ts.isImportDeclaration(s) || ts.isExportDeclaration(s)) && s.moduleSpecifier;
      if (!spec || !ts.isStringLiteral(spec) || !spec.text.startsWith('.')) continue;
      const typeOnly = ts.isImportDeclaration(s) ? s.importClause?.isTypeOnly === true : s.isTypeOnly;
      if (!typeOnly) visit(path.resolve(path.dirname(file), spec.text.replace(/\.js$/, '.ts')));
    }
  };
  visit(path.join(SRC, entry));
  return seen;
}

describe('the command registry', () => {
  it('registers each command once, in help order, each with a summary, a description and flags', () => {
    const names = COMMANDS.map((c) => c.name);
    expect(names).toEqual([
      'validate',
      'compile',
      'run',
      'demo',
      'show',
      'scorecard',
      'audit',
      'payouts',
      'test',
      'docs',
      'alerts',
      'serve',
      'passwd',
      'diff',
      'approvals',
      'review',
    ]);
    expect(new Set(names).size).toBe(names.length);
    for (const c of COMMANDS) {
      expect([c.summary.length > 0, c.description.length > 0, c.flags.length > 0]).toEqual([true, true, true]);
      expect(new Set(c.flags.map((f) => f.name)).size).toBe(c.flags.length);
      for (const r of c.required ?? []) expect(c.flags.map((f) => f.name)).toContain(r);
    }
  });

  it('the overview help lists every registered command with its summary', () => {
    const help = overviewHelp();
    for (const c of COMMANDS) expect(help).toContain(` ${c.name}  `);
    expect(help.indexOf(' validate ')).toBeLessThan(help.indexOf(' scorecard '));
  });

  it('usage lines show switches without a value and required flags without brackets', () => {
    expect(usageLine(spec('scorecard'))).toMatch(/ \[--no-cache\]$/);
    expect(usageLine(spec('compile'))).toContain(' --kpi ID[,ID…] ');
  });

  it('every registration loads a handler', async () => {
    for (const c of COMMANDS) expect(typeof (await c.load())).toBe('function');
  });

  it('start-up reaches no command code, no DuckDB and no catalog phase', () => {
    const reached = [...staticClosure('cli/main.ts')];
    const heavy = reached.filter(
      (f) =>
        [
          'validate',
          'compile',
          'run',
          'demo',
          'show',
          'scorecard',
          'audit',
          'payouts',
          'test-command',
          'docs-command',
          'diff',
          'approvals',
          'review',
        ].some((c) => f === path.join('cli', `${c}.ts`)) ||
        /^(engine|load|schema|resolve|query|scorecard|audit|plans|org|targets|periods|formula|testing|site|diff|review|governance|lifecycle|lineage|git)\//.test(
          f.split(path.sep).join('/'),
        ) ||
        f === 'pipeline.ts' ||
        f === 'check-catalog.ts',
    );
    expect(heavy).toEqual([]);
    expect(reached).toContain(path.join('cli', 'commands.ts'));
  });
});
