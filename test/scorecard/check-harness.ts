/**
 * A table-driven harness for catalog diagnostics over the hand-made organisation: each case adds
 * files and lists the diagnostics expected, with their exact file, line and column (and hint,
 * where a case names one), as `kpic validate` reports them.
 */
import { describe, expect, it } from 'vitest';
import { checkCatalogFiles } from '../../src/check-catalog.js';
import { lineColumnOf } from '../../src/diagnostics/span.js';
import { BASE_CATALOG } from './fixture.js';

/** One expected diagnostic. */
export interface Expected {
  readonly code: string;
  readonly line: number;
  readonly column: number;
  /** Default: the case's one file besides `m.yaml`. */
  readonly file?: string;
  readonly hint?: string;
}

/** A case: files added to the hand-made catalog, and what validation must report. */
export interface Case {
  readonly name: string;
  readonly files: Readonly<Record<string, string>>;
  readonly errors: readonly Expected[];
  /** A substring of one diagnostic's message. */
  readonly message?: string;
}

/** The diagnostics of the hand-made catalog with `files`, and their positions. */
export function diagnosticPositions(files: Readonly<Record<string, string>>): {
  diagnostics: ReturnType<typeof checkCatalogFiles>['diagnostics'];
  got: Expected[];
} {
  const checked = checkCatalogFiles(new Map(Object.entries({ ...BASE_CATALOG, ...files })));
  const got = checked.diagnostics.map((d) => {
    const source = checked.catalog.files.get(d.span.file);
    if (source === undefined) throw new Error(`no text for ${d.span.file}`);
    const { line, column } = lineColumnOf(source, d.span.start);
    return { code: d.code, file: d.span.file, line, column, ...(d.hint === undefined ? {} : { hint: d.hint }) };
  });
  return { diagnostics: checked.diagnostics, got };
}

/** One test per case, under `title`. */
export function checkCases(title: string, cases: readonly Case[]): void {
  describe(title, () => {
    it.each(cases)('$name', ({ files, errors, message }) => {
      const { diagnostics, got } = diagnosticPositions(files);
      const file = Object.keys(files).find((f) => f !== 'm.yaml') ?? '';
      const want = errors.map((e) => ({ file: e.file ?? file, ...e }));
      // Hints are compared where the case names one.
      const shown = got.map((g, i) => (want[i]?.hint === undefined ? { code: g.code, file: g.file, line: g.line, column: g.column } : g));
      expect(shown).toEqual(
        want.map((w) =>
          w.hint === undefined
            ? { code: w.code, file: w.file, line: w.line, column: w.column }
            : { code: w.code, file: w.file, line: w.line, column: w.column, hint: w.hint },
        ),
      );
      if (message !== undefined) expect(diagnostics.map((d) => d.message).join('\n')).toContain(message);
    });
  });
}
