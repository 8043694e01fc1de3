/**
 * What columns a source's files actually have, read before any row: CSV headers (by the JS
 * scanner, so a malformed row further down cannot disturb it), Parquet schemas and JSON keys (by
 * DuckDB's DESCRIBE, which reads only footers or a sample). Declared columns missing from a file
 * are reported here, with the closest header as a suggestion.
 */
import { diagnostic, type Diagnostic, type PhaseResult } from '../diagnostics/diagnostic.js';
import { closestName } from '../diagnostics/suggest.js';
import { yamlQuoted, yamlScalar } from '../diagnostics/yaml-scalar.js';
import { ID_PATTERN, type ColumnDef, type SourceDef } from '../model/types.js';
import { stringLiteral } from '../sql/quote.js';
import { readCsvHeader } from './csv-scan.js';
import { displayPath, showValue } from './data-location.js';
import type { Database } from './duckdb.js';
import { malformedFromError } from './malformed.js';
import { csvDelimiter, fileName } from './source-sql.js';
import type { FileColumn, FileLayout, SourceFiles } from './source-files.js';

/** Reads every file's columns, groups files by layout, and checks each declared column is present. */
export async function readLayouts(db: Database, source: SourceDef, files: SourceFiles): Promise<PhaseResult<readonly FileLayout[]>> {
  const perFile: { path: string; columns: FileColumn[] }[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const path of files.paths) {
    const result = await fileColumns(db, source, files, path);
    diagnostics.push(...result.diagnostics);
    if (result.value !== undefined) perFile.push({ path, columns: result.value });
  }
  if (diagnostics.length > 0) return { value: [], diagnostics };

  diagnostics.push(...missingColumns(source, files, perFile), ...ambiguousHeaders(source, perFile));

  const groups = new Map<string, { paths: string[]; columns: readonly FileColumn[] }>();
  for (const file of perFile) {
    // JSON files are read by key, not position, so one read serves every file.
    const key = files.format === 'json' ? '' : JSON.stringify(file.columns);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, { paths: [file.path], columns: file.columns });
    else group.paths.push(file.path);
  }
  return { value: [...groups.values()], diagnostics };
}

async function fileColumns(
  db: Database,
  source: SourceDef,
  files: SourceFiles,
  path: string,
): Promise<PhaseResult<FileColumn[] | undefined>> {
  if (files.format === 'csv') {
    const header = readCsvHeader(path, csvDelimiter(source, files));
    if (header.length === 0) {
      return {
        value: undefined,
        diagnostics: [
          diagnostic(
            'data/malformed-file',
            source.path.span,
            `\`${displayPath(path)}\` is empty; a CSV file needs a header line naming its columns`,
            {
              location: { file: displayPath(path), line: 1, column: 1 },
            },
          ),
        ],
      };
    }
    return { value: header.map((name) => ({ name, type: 'VARCHAR' })), diagnostics: [] };
  }
  const reader = files.format === 'parquet' ? 'read_parquet' : 'read_json';
  const options = files.format === 'json' ? ", format = 'auto'" : '';
  try {
    const rows = await db.query(`DESCRIBE SELECT * FROM ${reader}(${stringLiteral(path)}${options})`);
    return { value: rows.map((r) => ({ name: String(r['column_name']), type: String(r['column_type']) })), diagnostics: [] };
  } catch (error) {
    return { value: undefined, diagnostics: [malformedFromError(source, files, path, error)] };
  }
}

function missingColumns(source: SourceDef, files: SourceFiles, perFile: readonly { path: string; columns: FileColumn[] }[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const column of source.columns.values()) {
    const name = fileName(column);
    const lacking = perFile.filter((f) => !f.columns.some((c) => c.name === name));
    const first = lacking[0];
    if (first === undefined) continue;
    const headers = first.columns.map((c) => c.name);
    const where =
      lacking.length === 1
        ? `\`${displayPath(first.path)}\``
        : `${lacking.length} of the ${perFile.length} files (first \`${displayPath(first.path)}\`)`;
    const what = column.from === undefined ? `column \`${name}\`` : `column \`${column.name}\` (header \`${name}\`)`;
    const noun = files.format === 'json' ? 'key' : files.format === 'csv' ? 'header' : 'column';
    out.push(
      diagnostic('data/missing-column', column.from?.span ?? column.span, `${what} of source \`${source.id}\` is not in ${where}`, {
        hint: missingHint(source, files, column, headers, noun),
        location: { file: displayPath(first.path), line: 1, column: 1 },
      }),
    );
  }
  return out;
}

function missingHint(source: SourceDef, files: SourceFiles, column: ColumnDef, headers: readonly string[], noun: string): string {
  const name = fileName(column);
  const closest = closestName(name, headers);
  if (closest !== undefined) {
    // A header that cannot be a column id is mapped with `from:`; one that can is likely a typo.
    return column.from === undefined && !ID_PATTERN.test(closest)
      ? `did you mean \`${closest}\`? (add \`from: ${yamlQuoted(closest)}\` to map the ${noun} to \`${column.name}\`)`
      : `did you mean \`${yamlScalar(closest)}\`?`;
  }
  const only = headers[0];
  if (files.format === 'csv' && headers.length === 1 && only !== undefined) {
    const other = [';', '\t', '|', ','].find((d) => d !== csvDelimiter(source, files) && only.includes(d));
    if (other !== undefined) {
      return `the header line has a single field ${showValue(only)}; is the delimiter ${JSON.stringify(other)}? declare \`delimiter: ${JSON.stringify(other)}\` on the source`;
    }
  }
  const shown = headers.slice(0, 12).map((h) => showValue(h));
  return `the file's ${noun}s are ${shown.join(', ')}${headers.length > 12 ? ', …' : ''}`;
}

function ambiguousHeaders(source: SourceDef, perFile: readonly { path: string; columns: FileColumn[] }[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const column of source.columns.values()) {
    const name = fileName(column);
    const twice = perFile.find((f) => f.columns.filter((c) => c.name === name).length > 1);
    if (twice === undefined) continue;
    out.push(
      diagnostic(
        'data/malformed-file',
        column.from?.span ?? column.span,
        `\`${displayPath(twice.path)}\` has two columns named \`${name}\`, so column \`${column.name}\` is ambiguous`,
        {
          hint: 'rename one of them in the file',
          location: { file: displayPath(twice.path), line: 1, column: 1 },
        },
      ),
    );
  }
  return out;
}
