/**
 * Walks over IR expressions: every node of a row expression, every measure of cell expressions.
 */
import type { IrCellExpr, IrMeasure, IrRowExpr, IrSharedNode } from './ir-expr.js';

/** The direct sub-expressions of a node both layers share. */
function sharedChildren<E>(e: IrSharedNode<E>): readonly E[] {
  switch (e.kind) {
    case 'literal':
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

/** The direct sub-expressions of a row expression. */
function rowChildren(e: IrRowExpr): readonly IrRowExpr[] {
  switch (e.kind) {
    case 'column':
      return [];
    case 'map':
      return [e.operand];
    case 'lookup':
      return [e.key];
    default:
      return sharedChildren(e);
  }
}

/** Calls `visit` on every node of a row expression, parents before children. */
export function forEachRowNode(e: IrRowExpr | undefined, visit: (node: IrRowExpr) => void): void {
  if (e === undefined) return;
  visit(e);
  for (const child of rowChildren(e)) forEachRowNode(child, visit);
}

/** Every measure referenced by cell expressions, left to right. */
export function cellMeasures(exprs: readonly IrCellExpr[]): IrMeasure[] {
  const out: IrMeasure[] = [];
  const visit = (e: IrCellExpr): void => {
    if (e.kind === 'measure') out.push(e);
    else sharedChildren(e).forEach(visit);
  };
  exprs.forEach(visit);
  return out;
}
