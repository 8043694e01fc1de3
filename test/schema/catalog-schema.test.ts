import { describe, expect, test } from 'vitest';
import { CATALOG_SCHEMA, resolveRef, validateAnyDocument, validatorFor, type SchemaNode } from '../../src/schema/catalog-schema.js';
import { COLUMN_TYPES } from '../../src/model/build-source.js';
import { KPI_STATUSES, UNITS } from '../../src/model/build-kpi.js';
import { DOCUMENT_KINDS } from '../../src/model/types.js';

interface FullNode extends SchemaNode {
  readonly additionalProperties?: boolean | FullNode;
  readonly items?: FullNode;
  readonly $schema?: string;
}

/** Every object schema reachable from a kind's definition, with a path for messages. */
function objectSchemas(node: FullNode | undefined, path: string, seen = new Set<unknown>()): { path: string; node: FullNode }[] {
  const n: FullNode | undefined = resolveRef(node);
  if (n === undefined || seen.has(n)) return [];
  seen.add(n);
  const out: { path: string; node: FullNode }[] = [];
  if (n.properties !== undefined) out.push({ path, node: n });
  for (const [k, child] of Object.entries(n.properties ?? {})) out.push(...objectSchemas(child, `${path}.${k}`, seen));
  if (typeof n.additionalProperties === 'object') out.push(...objectSchemas(n.additionalProperties, `${path}.*`, seen));
  if (n.items !== undefined) out.push(...objectSchemas(n.items, `${path}[]`, seen));
  return out;
}

const definitions = (CATALOG_SCHEMA as FullNode).definitions ?? {};

describe('grammar/catalog.schema.json', () => {
  test('is draft-07 and says how editors use it', () => {
    expect((CATALOG_SCHEMA as FullNode).$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(CATALOG_SCHEMA.description).toContain('yaml-language-server: $schema=');
  });

  test('has a definition for every document kind', () => {
    for (const kind of DOCUMENT_KINDS) expect(definitions[kind]?.description, kind).toBeTruthy();
  });

  test.each(['catalog', 'source', 'kpi', 'lookup'])('every property of %s has a description and no unknown keys are allowed', (kind) => {
    const objects = objectSchemas(definitions[kind], kind);
    expect(objects.length).toBeGreaterThan(0);
    for (const { path, node } of objects) {
      expect(node.additionalProperties, path).toBe(false);
      for (const [key, prop] of Object.entries(node.properties ?? {})) {
        const description = prop.description ?? resolveRef(prop)?.description;
        expect(description, `${path}.${key}`).toBeTruthy();
      }
    }
  });

  test('enums agree with the model', () => {
    const column = definitions['column']?.properties?.['type'];
    expect(column?.enum).toEqual(COLUMN_TYPES);
    expect(definitions['unit']?.enum).toEqual(UNITS);
    expect(definitions['kpi']?.properties?.['status']?.enum).toEqual(KPI_STATUSES);
  });

  test('the top-level schema dispatches on the kind key', () => {
    expect(validateAnyDocument({ kpi: 'k', formula: 'x' })).toBe(true);
    expect(validateAnyDocument({ kpi: 'k', formula: 'x', formual: 'y' })).toBe(false);
    expect(validateAnyDocument({ source: 's', file: 'a.csv', columns: { a: { type: 'date' } } })).toBe(true);
    expect(validateAnyDocument({ alert: 'a', tiers: [1, 2] })).toBe(false);
    expect(validateAnyDocument({ plan: 'p', tiers: [1, 2] })).toBe(false);
    expect(validateAnyDocument({ catalog: 'c', calendar: { fiscal_year_start: 0 } })).toBe(false);
  });

  test('per-kind validators are compiled once and reused', () => {
    expect(validatorFor('kpi')).toBe(validatorFor('kpi'));
  });
});
