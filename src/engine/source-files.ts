/**
 * Where a source's data lives: its `file:` path or glob resolved inside the data folder. This is
 * the security boundary for data files — nothing outside the data folder's real path is read,
 * whether reached by an absolute path, a `..` segment or a symbolic link.
 */
import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { globSync } from 'tinyglobby';
import { diagnostic, type Diagnostic, type PhaseResult } from '../diagnostics/diagnostic.js';
import { closestName } from '../diagnostics/suggest.js';
import type { SourceDef } from '../model/types.js';
import { displayPath } from './data-location.js';

/** The file formats kpic reads. */
type DataFormat = 'csv' | 'parquet' | 'json';

/** A column as a data file has it: its header (or key) and its DuckDB type. */
export interface FileColumn {
  readonly name: string;
  /** DuckDB type as SQL text; always `VARCHAR` for CSV, whose fields are text. */
  readonly type: string;
}

/** Files that share one column layout (same headers in the same order). */
export interface FileLayout {
  readonly paths: readonly string[];
  /** The files' columns in file order. */
  readonly columns: readonly FileColumn[];
}

/** The files of one source, ready to be read. */
export interface SourceFiles {
  /** The source's id. */
  readonly source: string;
  readonly format: DataFormat;
  /** Absolute paths, sorted; for {@link declaredSourceFiles}, the unexpanded pattern. */
  readonly paths: readonly string[];
  /**
   * The columns the files actually have, grouped by layout. Present after the data check read
   * them; lets the reading SQL name CSV fields by position (immune to odd headers and sniffing)
   * and skip casts on Parquet columns whose physical type already fits.
   */
  readonly layouts?: readonly FileLayout[] | undefined;
}

const EXTENSION_FORMATS: ReadonlyMap<string, DataFormat> = new Map([
  ['.csv', 'csv'],
  ['.tsv', 'csv'],
  ['.txt', 'csv'],
  ['.parquet', 'parquet'],
  ['.json', 'json'],
  ['.ndjson', 'json'],
  ['.jsonl', 'json'],
]);

/** Compression suffixes DuckDB reads transparently; the format is the extension before them. */
const COMPRESSION = /\.(gz|zst)$/i;

/** The format an extension implies (`.csv.gz` → csv), or undefined. */
function formatOfPath(file: string): DataFormat | undefined {
  const ext = path.extname(file.replace(COMPRESSION, '')).toLowerCase();
  return EXTENSION_FORMATS.get(ext);
}

/** True for tab-separated files, whose default delimiter is a tab rather than a comma. */
export function isTsvPath(file: string): boolean {
  return path.extname(file.replace(COMPRESSION, '')).toLowerCase() === '.tsv';
}

/**
 * Problems with a source's `file:` that need no file system: an absolute path, a `..` segment,
 * or a format that neither `format:` nor the extension tells. `kpic compile` reports these too.
 */
export function sourcePathProblems(source: SourceDef): Diagnostic[] {
  if (source.table !== undefined) return [];
  const pattern = source.path.value;
  const span = source.path.span;
  if (path.isAbsolute(pattern) || path.win32.isAbsolute(pattern) || pattern.startsWith('~')) {
    return [
      diagnostic(
        'data/outside-folder',
        span,
        `source \`${source.id}\` names an absolute path \`${pattern}\`; files must be inside the data folder`,
        {
          hint: 'write the path relative to the data folder',
        },
      ),
    ];
  }
  if (pattern.split(/[\\/]/).includes('..')) {
    return [
      diagnostic(
        'data/outside-folder',
        span,
        `source \`${source.id}\` names \`${pattern}\`, which climbs out of the data folder with \`..\``,
        {
          hint: "files must be inside the data folder; point `--data` (or the catalog's `data:`) at a folder that holds them",
        },
      ),
    ];
  }
  if (source.format === undefined && formatOfPath(pattern) === undefined && !/[*?[{]/.test(path.basename(pattern))) {
    return [unknownFormat(source, pattern)];
  }
  return [];
}

function unknownFormat(source: SourceDef, file: string): Diagnostic {
  return diagnostic('data/unknown-format', source.path.span, `cannot tell the format of \`${file}\` from its extension`, {
    hint: 'name it .csv, .tsv, .parquet, .json or .ndjson, or declare `format: csv | parquet | json`',
  });
}

/**
 * The files a source reads, without looking at the disk: the pattern joined to the data folder.
 * For `kpic compile`, which prints SQL without data. Check {@link sourcePathProblems} first.
 */
export function declaredSourceFiles(source: SourceDef, dataDir: string): SourceFiles {
  const file = path.join(path.resolve(dataDir), source.path.value);
  return { source: source.id, format: source.format?.value ?? formatOfPath(file) ?? 'csv', paths: [file] };
}

/**
 * Resolves a source's `file:` (a path or glob relative to `dataDir`) to the absolute, sorted
 * paths of existing files whose real path lies inside the data folder's real path.
 */
export function locateSourceFiles(source: SourceDef, dataDir: string): PhaseResult<SourceFiles> {
  const empty: SourceFiles = { source: source.id, format: source.format?.value ?? 'csv', paths: [] };
  const problems = sourcePathProblems(source);
  if (problems.length > 0) return { value: empty, diagnostics: problems };

  const pattern = source.path.value;
  const span = source.path.span;
  const folder = path.resolve(dataDir);
  let realFolder: string;
  try {
    realFolder = realpathSync(folder);
  } catch {
    return {
      value: empty,
      diagnostics: [
        diagnostic('data/missing-file', span, `the data folder \`${displayPath(folder)}\` does not exist`, {
          hint: 'pass `--data DIR` or set `data:` in catalog.yaml',
        }),
      ],
    };
  }

  const matches = matchFiles(pattern, realFolder);
  if (matches.length === 0) {
    return { value: empty, diagnostics: [missingFile(source, realFolder)] };
  }

  const diagnostics: Diagnostic[] = [];
  const paths: string[] = [];
  for (const match of matches) {
    const real = realpathSync(match);
    if (!isInside(real, realFolder)) {
      diagnostics.push(
        diagnostic(
          'data/outside-folder',
          span,
          `\`${displayPath(match)}\` (matched by \`${pattern}\`) is a link to \`${real}\`, outside the data folder \`${displayPath(realFolder)}\``,
          {
            hint: 'copy the file into the data folder instead of linking to it',
          },
        ),
      );
    } else {
      paths.push(match);
    }
  }
  if (diagnostics.length > 0) return { value: empty, diagnostics };
  paths.sort();

  let format = source.format?.value;
  if (format === undefined) {
    const formats = new Set(paths.map(formatOfPath));
    const only = formats.size === 1 ? [...formats][0] : undefined;
    if (only === undefined) return { value: empty, diagnostics: [unknownFormat(source, displayPath(paths[0] ?? pattern))] };
    format = only;
  }
  return { value: { source: source.id, format, paths }, diagnostics: [] };
}

/** Existing regular files the pattern names; a literal path wins over glob syntax in names. */
function matchFiles(pattern: string, realFolder: string): string[] {
  const literal = path.join(realFolder, pattern);
  if (existsSync(literal) && statSync(literal).isFile()) return [literal];
  return globSync(pattern, { cwd: realFolder, absolute: true, onlyFiles: true, expandDirectories: false }).map((p) => path.resolve(p));
}

function isInside(file: string, folder: string): boolean {
  const rel = path.relative(folder, file);
  // `..weird.csv` is a file inside; only a `..` segment leads out.
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel);
}

function missingFile(source: SourceDef, realFolder: string): Diagnostic {
  const pattern = source.path.value;
  const present = listFiles(realFolder, 2, 500);
  const wantedBase = path.basename(pattern);
  const closest =
    closestName(pattern, present) ??
    closestName(
      wantedBase,
      present.map((p) => path.basename(p)),
    );
  const sameFormat = present.filter((p) => formatOfPath(p) !== undefined && formatOfPath(p) === formatOfPath(pattern));
  let hint: string | undefined;
  if (closest !== undefined) {
    const full = present.find((p) => p === closest || path.basename(p) === closest) ?? closest;
    hint = `did you mean \`${full}\`?`;
  } else if (sameFormat.length > 0) {
    const shown = sameFormat
      .slice(0, 5)
      .map((p) => `\`${p}\``)
      .join(', ');
    hint = `files there: ${shown}${sameFormat.length > 5 ? `, and ${sameFormat.length - 5} more` : ''}`;
  }
  return diagnostic(
    'data/missing-file',
    source.path.span,
    `no file matches \`${pattern}\` in the data folder \`${displayPath(realFolder)}\``,
    { hint },
  );
}

/** Data-folder-relative paths of files up to `depth` folders deep (at most `limit` of them). */
function listFiles(folder: string, depth: number, limit: number): string[] {
  const out: string[] = [];
  const walk = (dir: string, rel: string, level: number): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (out.length >= limit || entry.name.startsWith('.')) continue;
      const relPath = rel === '' ? entry.name : `${rel}/${entry.name}`;
      if (entry.isFile()) out.push(relPath);
      else if (entry.isDirectory() && level < depth) walk(path.join(dir, entry.name), relPath, level + 1);
    }
  };
  walk(folder, '', 0);
  return out.sort();
}
