/**
 * Splits one catalog file into YAML documents and converts each into a located tree. YAML errors
 * are reported at the exact position the `yaml` library gives, in plain words; a document with a
 * YAML error is not passed on, so its half-parsed contents cause no follow-on noise.
 */
import { parseAllDocuments, isScalar, type Document } from 'yaml';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceText, Span } from '../diagnostics/span.js';
import type { YNode } from './tree.js';
import { yamlToTree } from './yaml-to-tree.js';

/** The non-empty, well-formed documents of a file, and what went wrong in the others. */
export interface YamlDocuments {
  readonly trees: readonly YNode[];
  readonly diagnostics: readonly Diagnostic[];
  /** True when at least one document of the file had a YAML error. */
  readonly hadErrors: boolean;
}

/** Plain-words hints for the `yaml` library's most common error codes. */
const HINTS: ReadonlyMap<string, string> = new Map([
  ['TAB_AS_INDENT', 'indent with spaces: YAML does not allow tabs for indentation'],
  ['BLOCK_AS_IMPLICIT_KEY', "a value that contains `: ` must be quoted, e.g. `title: 'Win rate: by count'`"],
  ['MULTILINE_IMPLICIT_KEY', 'a key must fit on one line; check the indentation of the line before'],
  ['BAD_INDENT', 'check the indentation: entries of one mapping or list line up in the same column'],
  ['MISSING_CHAR', 'a quote or bracket is opened but never closed'],
  ['BAD_DQ_ESCAPE', 'inside double quotes `\\` starts an escape; use single quotes for text with backslashes'],
  ['BAD_SCALAR_START', 'quote a value that starts with a reserved character such as `@`, `` ` `` or `%`'],
  ['UNEXPECTED_TOKEN', 'check the indentation and the `:` and `-` on this line'],
]);

/** A file position, clamped to the text. */
function errorSpan(source: SourceText, pos: readonly number[] | undefined): Span {
  const max = source.text.length;
  const start = Math.min(Math.max(0, pos?.[0] ?? 0), max);
  const end = Math.min(Math.max(start, pos?.[1] ?? start), max);
  return { file: source.file, start, end };
}

/** yaml's message as a sentence of ours, without its own position suffix. */
function plainMessage(message: string): string {
  const firstLine = (message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '').trim();
  const text = firstLine === '' ? 'unreadable YAML' : firstLine.charAt(0).toLowerCase() + firstLine.slice(1);
  return `invalid YAML: ${text}`;
}

interface YamlProblem {
  readonly code: string;
  readonly message: string;
  readonly pos: readonly number[];
}

function toDiagnostic(source: SourceText, problem: YamlProblem, severity: 'error' | 'warning'): Diagnostic {
  return diagnostic('load/yaml-syntax', errorSpan(source, problem.pos), plainMessage(problem.message), {
    hint: HINTS.get(problem.code),
    severity,
  });
}

/** An empty document (`---` alone, or only comments) is skipped, not an error. */
function isEmptyDocument(doc: Document.Parsed): boolean {
  const c = doc.contents;
  if (c === null) return true;
  return isScalar(c) && c.value === null && c.range[0] === c.range[1];
}

/** Parses every document of `source`. Never throws. */
export function parseYamlDocuments(source: SourceText): YamlDocuments {
  const diagnostics: Diagnostic[] = [];
  const trees: YNode[] = [];
  let hadErrors = false;
  try {
    const docs = parseAllDocuments(source.text, { uniqueKeys: false, prettyErrors: false, merge: false });
    if ('empty' in docs) {
      for (const e of docs.errors) diagnostics.push(toDiagnostic(source, e, 'error'));
      for (const w of docs.warnings) diagnostics.push(toDiagnostic(source, w, 'warning'));
      return { trees, diagnostics, hadErrors: docs.errors.length > 0 };
    }
    for (const doc of docs) {
      for (const w of doc.warnings) diagnostics.push(toDiagnostic(source, w, 'warning'));
      if (doc.errors.length > 0) {
        // The first error is the real one; the library's recovery makes the rest mostly echoes.
        const first = [...doc.errors].sort((a, b) => (a.pos[0] ?? 0) - (b.pos[0] ?? 0))[0];
        if (first !== undefined) diagnostics.push(toDiagnostic(source, first, 'error'));
        hadErrors = true;
        continue;
      }
      if (isEmptyDocument(doc)) continue;
      const converted = yamlToTree(doc, source);
      diagnostics.push(...converted.diagnostics);
      if (converted.diagnostics.some((d) => d.severity === 'error')) hadErrors = true;
      // A tree with values replaced by null would only produce follow-on noise downstream.
      if (!converted.broken) trees.push(converted.tree);
    }
  } catch (e) {
    // The library reports errors rather than throwing; this guards the "never throws" promise.
    diagnostics.push(
      diagnostic(
        'load/yaml-syntax',
        { file: source.file, start: 0, end: 0 },
        `invalid YAML: this file could not be parsed (${String((e as Error)?.message ?? e)})`,
      ),
    );
    hadErrors = true;
  }
  return { trees, diagnostics, hadErrors };
}
