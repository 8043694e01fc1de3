/**
 * Opening the catalog for a command: resolve `--catalog` against the working directory, load,
 * validate and resolve it, and prepare what the diagnostic renderers need.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import type { RenderContext } from '../diagnostics/render/context.js';
import { checkCatalog, type CheckedCatalog } from '../check-catalog.js';
import { dataFolder } from '../pipeline.js';
import type { CliIo } from './io.js';

/** The default catalog folder. */
const DEFAULT_CATALOG = 'catalog';

/** A checked catalog and where it lives. */
export interface CatalogSession {
  readonly checked: CheckedCatalog;
  /** Absolute catalog folder. */
  readonly catalogDir: string;
  readonly render: RenderContext;
  /** Whether `--catalog` named a folder that does not exist (a usage error: exit code 2). */
  readonly missingFolder: boolean;
}

/**
 * The path to hand to the loader: the loader resolves against the process's working directory
 * and quotes the path in messages, so pass it relative to that when possible (readable
 * messages) and absolute otherwise (tests run with another `io.cwd`).
 */
function loaderPath(absolute: string): string {
  const relative = path.relative(process.cwd(), absolute);
  if (relative === '') return '.';
  return relative.startsWith('..') || path.isAbsolute(relative) ? absolute : relative;
}

/** Loads and checks the catalog named by `--catalog` (default `./catalog`). */
export function openCatalog(io: CliIo, catalogArg: string | undefined): CatalogSession {
  const catalogDir = path.resolve(io.cwd, catalogArg ?? DEFAULT_CATALOG);
  const checked = checkCatalog(loaderPath(catalogDir));
  const missingFolder = catalogArg !== undefined && !isFolder(catalogDir);
  return { checked, catalogDir, render: { files: checked.catalog.files, catalogDir, cwd: io.cwd }, missingFolder };
}

function isFolder(dir: string): boolean {
  try {
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

/** The data folder: `--data` (relative to the working directory), else the catalog's `data:`. */
export function sessionDataDir(io: CliIo, session: CatalogSession, dataArg: string | undefined): string {
  return dataFolder(session.checked.catalog, session.catalogDir, dataArg === undefined ? undefined : path.resolve(io.cwd, dataArg));
}
