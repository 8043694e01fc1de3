/**
 * kpic's public API: load a catalog, validate it, compile KPIs to SQL and run them on DuckDB.
 * @packageDocumentation
 */
export * from './diagnostics/span.js';
export * from './diagnostics/diagnostic.js';
export * from './diagnostics/codes.js';
export * from './model/types.js';
export * from './formula/ast.js';
export * from './diagnostics/suggest.js';
