/**
 * The query IR can be read alone: its files (`ir.ts`, `ir-expr.ts` and the helpers over them)
 * import only one another, and the SQL side (`src/sql/`) imports only them — never the resolver,
 * the formula language or the catalog model.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.join(import.meta.dirname, '..', '..', 'src');
const IR_FILES = ['ir.ts', 'ir-expr.ts', 'ir-keys.ts', 'ir-walk.ts', 'rows-ir.ts'];

/** The modules a file imports or re-exports from, as written. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^(?:import|export)\b[^;]*?\bfrom\s+'([^']+)'/gms)].map((m) => m[1] ?? '');
}

describe('the query IR stands alone', () => {
  it.each(IR_FILES)('src/query/%s imports only the IR', (name) => {
    const outside = importsOf(path.join(SRC, 'query', name)).filter((m) => !IR_FILES.some((f) => m === `./${f.replace(/\.ts$/, '.js')}`));
    expect(outside).toEqual([]);
  });

  const sqlFiles = readdirSync(path.join(SRC, 'sql')).filter((f) => f.endsWith('.ts'));
  it.each(sqlFiles)('src/sql/%s imports only src/sql and the IR', (name) => {
    const ir = IR_FILES.map((f) => `../query/${f.replace(/\.ts$/, '.js')}`);
    const outside = importsOf(path.join(SRC, 'sql', name)).filter((m) => !m.startsWith('./') && !ir.includes(m));
    expect(outside).toEqual([]);
  });

  it('finds imports (the check can fail)', () => {
    expect(importsOf(path.join(SRC, 'query', 'planner.ts'))).toContain('../resolve/resolved.js');
  });
});
