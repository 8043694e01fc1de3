/**
 * The catalog's JSON Schema (grammar/catalog.schema.json, the same file editors use) and its
 * validators. The validators are ajv's, precompiled to JavaScript (src/schema/generated/, made by
 * `npm run schema` and checked fresh by a test), so no process pays for compiling the schema.
 */
import { createRequire } from 'node:module';
import type { ValidateFunction } from 'ajv';
import { DOCUMENT_KINDS, type DocumentKind } from '../model/types.js';
import * as generated from './generated/validators.js';

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

const validators = generated as unknown as Readonly<Record<string, ValidateFunction>>;

/**
 * The precompiled validator `name`. A missing one (a kind added to the schema since the last
 * `npm run schema`) fails when it is used, not when this module loads, so that the generator —
 * which imports this module for the schema — can always run.
 */
function compiled(name: string): ValidateFunction {
  const validate = validators[name];
  if (validate !== undefined) return validate;
  const missing = (): boolean => {
    throw new Error(`no precompiled validator ${name}: run \`npm run schema\``);
  };
  return missing as unknown as ValidateFunction;
}

const byKind: ReadonlyMap<DocumentKind, ValidateFunction> = new Map(DOCUMENT_KINDS.map((kind) => [kind, compiled(kind)] as const));

/** The validator of one document kind (`definitions/<kind>` of the schema). */
export function validatorFor(kind: DocumentKind): ValidateFunction {
  const v = byKind.get(kind);
  if (v === undefined) throw new Error(`no validator for kind ${kind}`);
  return v;
}

/** The validator of the whole schema, with its top-level dispatch on the kind key (as editors use it). */
export const validateAnyDocument: ValidateFunction = compiled('anyDocument');

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
