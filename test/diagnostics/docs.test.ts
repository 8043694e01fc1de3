/**
 * docs/diagnostics.md against the code table: one `## <code>` section per code, no section for a
 * code that does not exist, each with a failing and a fixed example — and every example that is
 * titled with file paths is run through the real CLI: the failing one must report the code, the
 * fixed one must not (and must pass). A `sh` block `kpic …` in an example is its command (for
 * problems of a request rather than of files); otherwise the section's command is used.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { DIAGNOSTIC_CODES } from '../../src/diagnostics/codes.js';

interface Block {
  readonly lang: string;
  readonly path: string | undefined;
  readonly text: string;
}

interface Section {
  readonly heading: string;
  readonly line: number;
  readonly intro: Block[];
  readonly failing: Block[];
  readonly fixed: Block[];
  notRun: boolean;
}

const DOC = readFileSync(new URL('../../docs/diagnostics.md', import.meta.url), 'utf8');
const CODE_HEADING = /^`?([a-z]+\/[a-z0-9-]+)`?$/;

/** Splits the document into `##` sections with their fenced blocks, by Failing/Fixed marker. */
function parseDoc(text: string): Section[] {
  const sections: Section[] = [];
  let current: Section | undefined;
  let mode: 'intro' | 'failing' | 'fixed' = 'intro';
  let fence: { lang: string; path: string | undefined; lines: string[] } | undefined;
  text.split('\n').forEach((line, i) => {
    if (fence !== undefined) {
      if (line.startsWith('```')) {
        current?.[mode].push({ lang: fence.lang, path: fence.path, text: fence.lines.length === 0 ? '' : `${fence.lines.join('\n')}\n` });
        fence = undefined;
      } else fence.lines.push(line);
      return;
    }
    if (line.startsWith('```')) {
      const [lang = '', file] = line.slice(3).trim().split(/\s+/);
      fence = { lang, path: file, lines: [] };
    } else if (line.startsWith('## ')) {
      current = { heading: line.slice(3).trim(), line: i + 1, intro: [], failing: [], fixed: [], notRun: false };
      sections.push(current);
      mode = 'intro';
    } else if (/^Failing\b/.test(line)) mode = 'failing';
    else if (/^Fixed\b/.test(line)) mode = 'fixed';
    else if (line.startsWith('<!-- example not run:') && current !== undefined) current.notRun = true;
  });
  return sections;
}

const sections = parseDoc(DOC);
const codeSections = sections.filter((s) => CODE_HEADING.test(s.heading) || s.heading.includes('/'));
const codeOf = (s: Section): string => CODE_HEADING.exec(s.heading)?.[1] ?? s.heading;

describe('docs/diagnostics.md matches the code table', () => {
  test('every code has a section', () => {
    const documented = new Set(codeSections.map(codeOf));
    expect(Object.keys(DIAGNOSTIC_CODES).filter((c) => !documented.has(c))).toEqual([]);
  });

  test('every section names a code of the table, once', () => {
    const names = codeSections.map(codeOf);
    expect(names.filter((c) => !(c in DIAGNOSTIC_CODES))).toEqual([]);
    expect(names.filter((c, i) => names.indexOf(c) !== i)).toEqual([]);
  });

  test('every section has a failing and a fixed example', () => {
    const lacking = codeSections.filter((s) => s.failing.length === 0 || s.fixed.length === 0).map((s) => `${codeOf(s)} (line ${s.line})`);
    expect(lacking).toEqual([]);
  });

  test('every example is runnable (titled with file paths) unless the section says why not', () => {
    const untitled = codeSections
      .filter((s) => !s.notRun && [...s.failing, ...s.fixed].some((b) => b.path === undefined && !isCommand(b)))
      .map((s) => `${codeOf(s)} (line ${s.line})`);
    expect(untitled).toEqual([]);
  });
});

const base = sections.find((s) => s.heading === 'The example catalog')?.intro.filter((b) => b.path !== undefined) ?? [];

function isCommand(b: Block): boolean {
  return b.lang === 'sh' && b.text.startsWith('kpic ');
}

function writeFiles(root: string, blocks: readonly Block[]): void {
  for (const b of blocks) {
    if (isCommand(b)) continue;
    const file = path.join(root, b.path ?? '');
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, b.text);
  }
}

async function codesReported(root: string, argv: readonly string[]): Promise<{ code: number; codes: string[]; output: string }> {
  let output = '';
  const sink = { write: (t: string) => (output += t), isTTY: false };
  const code = await runCli(argv, { stdout: sink, stderr: sink, cwd: root, env: {} });
  const codes = [...output.matchAll(/(?:error|warning)\[([a-z]+\/[a-z0-9-]+)\]/g)].map((m) => m[1] ?? '');
  return { code, codes, output };
}

function commandOf(s: Section, example: readonly Block[] = []): string[] {
  const shell = example.find(isCommand) ?? s.intro.find(isCommand);
  if (shell !== undefined) return shell.text.trim().split(/\s+/).slice(1);
  return codeOf(s).startsWith('data/') ? ['run'] : ['validate'];
}

describe('the examples of docs/diagnostics.md do what they say', () => {
  test('the example catalog is valid and runs', async () => {
    expect(base.map((b) => b.path)).toContain('catalog/catalog.yaml');
    const root = mkdtempSync(path.join(tmpdir(), 'kpic-docs-'));
    try {
      writeFiles(root, base);
      const checked = await codesReported(root, ['run']);
      expect([checked.code, checked.codes]).toEqual([0, []]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  const runnable = codeSections.filter((s) => !s.notRun && s.failing.length > 0 && s.fixed.length > 0);
  test.each(runnable.map((s) => [codeOf(s), s] as const))('%s', async (code, s) => {
    const root = mkdtempSync(path.join(tmpdir(), 'kpic-docs-'));
    try {
      writeFiles(root, [...base, ...s.failing]);
      const failing = await codesReported(root, commandOf(s, s.failing));
      expect(failing.codes, `failing example of ${code}:\n${failing.output}`).toContain(code);
      writeFiles(root, s.fixed);
      const fixed = await codesReported(root, commandOf(s, s.fixed.some(isCommand) ? s.fixed : s.failing));
      expect(fixed.codes, `fixed example of ${code}:\n${fixed.output}`).not.toContain(code);
      expect(fixed.code, `fixed example of ${code}:\n${fixed.output}`).toBe(0);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
