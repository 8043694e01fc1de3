/**
 * The catalog's JSON Schema (grammar/catalog.schema.json, the same file editors use) and its
 * validators, compiled once when this module loads: validating thousands of documents then costs
 * only the validation itself.
 */
import { createRequire } from 'node:module';
import { Ajv, type ValidateFunction } from 'ajv';
import { DOCUMENT_KINDS, type DocumentKind } from '../model/types.js';

/** A JSON Schema object, as far as this code reads it. */
export interface SchemaNode {
  readonly description?: string;
  readonly type?: string | readonly string[];
  readonly properties?: Readonly<Record<string, SchemaNode>>;
  readonly enum?: readonly unknown[];
  readonly minimum?: number;
  readonly maximum?: number;
  readonly $ref?: string;
  readonly definitions?: Readonly<Record<string, SchemaNode>>;
}

// The schema is a package asset beside src/ and dist/ alike (`../../grammar` from either), loaded
// as a module rather than read by hand, so this phase does no file-system work of its own.
const require = createRequire(import.meta.url);

/** grammar/catalog.schema.json. */
export const CATALOG_SCHEMA = require('../../grammar/catalog.schema.json') as SchemaNode;

const SCHEMA_KEY = 'catalog';

const ajv = new Ajv({ allErrors: true, verbose: true, allowUnionTypes: true });
ajv.addSchema(CATALOG_SCHEMA as object, SCHEMA_KEY);

function compile(ref: string): ValidateFunction {
  const validate = ajv.getSchema(ref);
  if (validate === undefined) throw new Error(`catalog schema has no ${ref}`);
  return validate;
}

const byKind: ReadonlyMap<DocumentKind, ValidateFunction> = new Map(
  DOCUMENT_KINDS.map((kind) => [kind, compile(`${SCHEMA_KEY}#/definitions/${kind}`)] as const),
);

/** The validator of one document kind (`definitions/<kind>` of the schema). */
export function validatorFor(kind: DocumentKind): ValidateFunction {
  const v = byKind.get(kind);
  if (v === undefined) throw new Error(`no validator for kind ${kind}`);
  return v;
}

/** The validator of the whole schema, with its top-level dispatch on the kind key (as editors use it). */
export const validateAnyDocument: ValidateFunction = compile(SCHEMA_KEY);

/** Follows a local `$ref` (`#/definitions/x`) to the schema it names. */
export function resolveRef(node: SchemaNode | undefined): SchemaNode | undefined {
  let n = node;
  for (let i = 0; i < 8 && n?.$ref !== undefined; i++) {
    const name = n.$ref.replace(/^#\/definitions\//, '');
    n = CATALOG_SCHEMA.definitions?.[name];
  }
  return n;
}

/** The description of property `key` of a schema node (on the property or on what it refers to). */
export function propertyDescription(parent: SchemaNode | undefined, key: string): string | undefined {
  const prop = resolveRef(parent)?.properties?.[key];
  return prop?.description ?? resolveRef(prop)?.description;
}
