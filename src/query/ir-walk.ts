/**
 * Walks over IR expressions: every node of a row expression, every measure of cell expressions.
 */
import type { IrCellExpr, IrMeasure, IrRowExpr } from './ir-expr.js';

/** The direct sub-expressions of a row expression. */
function rowChildren(e: IrRowExpr): readonly IrRowExpr[] {
  switch (e.kind) {
    case 'literal':
    case 'column':
      return [];
    case 'binary':
      return [e.left, e.right];
    case 'unary':
    case 'map':
      return [e.operand];
    case 'call':
      return e.args;
    case 'predicate':
      return [e.operand, ...e.args];
    case 'lookup':
      return [e.key];
    default: {
      const never: never = e;
      return never;
    }
  }
}

/** Calls `visit` on every node of a row expression, parents before children. */
export function forEachRowNode(e: IrRowExpr | undefined, visit: (node: IrRowExpr) => void): void {
  if (e === undefined) return;
  visit(e);
  for (const child of rowChildren(e)) forEachRowNode(child, visit);
}

/** The direct sub-expressions of a cell expression. */
function cellChildren(e: IrCellExpr): readonly IrCellExpr[] {
  switch (e.kind) {
    case 'literal':
    case 'measure':
      return [];
    case 'binary':
      return [e.left, e.right];
    case 'unary':
      return [e.operand];
    case 'call':
      return e.args;
    case 'predicate':
      return [e.operand, ...e.args];
    default: {
      const never: never = e;
      return never;
    }
  }
}

/** Every measure referenced by cell expressions, left to right. */
export function cellMeasures(exprs: readonly IrCellExpr[]): IrMeasure[] {
  const out: IrMeasure[] = [];
  const visit = (e: IrCellExpr): void => {
    if (e.kind === 'measure') out.push(e);
    cellChildren(e).forEach(visit);
  };
  exprs.forEach(visit);
  return out;
}
