/**
 * Test helpers for the engine: SourceDef objects built from a compact spec (spans are dummies,
 * but distinct per column so tests can tell which declaration a diagnostic points at), and temp
 * data folders with real files.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Span } from '../../src/diagnostics/span.js';
import type { ColumnDef, ColumnType, JoinDef, SourceDef } from '../../src/model/types.js';

/** The catalog file every test source claims to come from. */
const SOURCE_FILE = 'sources/test.yaml';

/** A dummy span at `start`. */
function at(start: number, length = 1): Span {
  return { file: SOURCE_FILE, start, end: start + length };
}

/** A column spec: the type and the contract. */
export interface ColumnSpec {
  readonly type: ColumnType;
  readonly required?: boolean;
  readonly unique?: boolean;
  readonly values?: readonly string[];
  readonly from?: string;
  readonly format?: string;
  /** Decimal places of a money column. */
  readonly scale?: number;
}

/** Extra source keys. */
export interface SourceExtras {
  readonly format?: 'csv' | 'parquet' | 'json';
  readonly delimiter?: string;
  readonly key?: string;
  readonly time?: string;
  readonly joins?: readonly { name: string; to: string; on: string }[];
}

/** Span of the `file:` value of every test source. */
export const FILE_SPAN = at(20, 10);

/** Span of column number `k` (0-based, declaration order). */
export function columnSpan(k: number): Span {
  return at(100 + 50 * k, 5);
}

/** Builds a SourceDef; columns are declared in the given order. */
export function makeSource(id: string, file: string, columns: readonly [string, ColumnSpec][], extras: SourceExtras = {}): SourceDef {
  const defs = new Map<string, ColumnDef>();
  columns.forEach(([name, spec], k) => {
    const base = 100 + 50 * k;
    defs.set(name, {
      name,
      span: columnSpan(k),
      type: { value: spec.type, span: at(base + 10) },
      required: spec.required ?? false,
      optional: spec.required === false,
      unique: spec.unique ?? false,
      values: spec.values?.map((v, j) => ({ value: v, span: at(base + 20 + j) })),
      from: spec.from === undefined ? undefined : { value: spec.from, span: at(base + 30) },
      format: spec.format === undefined ? undefined : { value: spec.format, span: at(base + 40) },
      scale: spec.scale === undefined ? undefined : { value: spec.scale, span: at(base + 45) },
    });
  });
  const joins = new Map<string, JoinDef>();
  (extras.joins ?? []).forEach((j, k) => {
    joins.set(j.name, {
      name: j.name,
      span: at(2000 + 10 * k),
      to: { value: j.to, span: at(2001 + 10 * k) },
      on: { value: j.on, span: at(2002 + 10 * k) },
    });
  });
  return {
    kind: 'source',
    id,
    idSpan: at(8, id.length),
    kindSpan: at(0, 6),
    file: SOURCE_FILE,
    tree: { kind: 'map', span: at(0, 3000), entries: [], byKey: new Map() },
    path: { value: file, span: FILE_SPAN },
    format: extras.format === undefined ? undefined : { value: extras.format, span: at(40) },
    delimiter: extras.delimiter === undefined ? undefined : { value: extras.delimiter, span: at(50) },
    key: extras.key === undefined ? undefined : { value: extras.key, span: at(60) },
    time: extras.time === undefined ? undefined : { value: extras.time, span: at(70) },
    columns: defs,
    joins,
    definitions: new Map(),
    dimensions: new Map(),
  };
}

/** A temporary data folder; `write` creates files (and folders) inside it. */
export interface TempFolder {
  readonly dir: string;
  write(relative: string, content: string | Buffer): string;
  remove(): void;
}

/** Creates a fresh temporary folder under the OS temp dir. */
export function tempFolder(prefix = 'kpic-engine-'): TempFolder {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  return {
    dir,
    write(relative, content) {
      const file = path.join(dir, relative);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, content);
      return file;
    },
    remove() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
