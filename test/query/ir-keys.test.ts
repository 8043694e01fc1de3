/** Identity of IR values: equal keys exactly for equal meanings, whatever the property order. */
import { describe, expect, it } from 'vitest';
import type { IrRowExpr } from '../../src/query/ir-expr.js';
import { levelKey, purposeKey, rowExprKey, sameLevel, samePurpose, windowKey } from '../../src/query/ir-keys.js';

describe('levels', () => {
  it('are the same when they keep the same dimensions and keys, in order', () => {
    expect(sameLevel({ dims: ['region'], keys: ['k0'] }, { keys: ['k0'], dims: ['region'] })).toBe(true);
    expect(sameLevel({ dims: ['region', 'rep'], keys: [] }, { dims: ['rep', 'region'], keys: [] })).toBe(false);
    expect(sameLevel({ dims: ['k0'], keys: [] }, { dims: [], keys: ['k0'] })).toBe(false);
  });

  it('have keys no dimension name can forge', () => {
    expect(levelKey({ dims: ['a,b'], keys: [] })).not.toBe(levelKey({ dims: ['a', 'b'], keys: [] }));
    expect(levelKey({ dims: ['a|'], keys: [] })).not.toBe(levelKey({ dims: ['a'], keys: ['|'] }));
  });
});

describe('purposes', () => {
  it('tell the main query from each lookup', () => {
    expect(samePurpose({ kind: 'main' }, { kind: 'main' })).toBe(true);
    expect(samePurpose({ kind: 'lookup', lookup: 'main' }, { kind: 'main' })).toBe(false);
    expect(purposeKey({ kind: 'lookup', lookup: 'a' })).not.toBe(purposeKey({ kind: 'lookup', lookup: 'b' }));
  });
});

describe('windows', () => {
  it('have one key per meaning', () => {
    const month = { amount: 1, unit: 'month' } as const;
    expect(windowKey({ shifts: [month] })).toBe(windowKey({ shifts: [{ unit: 'month', amount: 1 }], range: undefined }));
    expect(windowKey({ shifts: [], range: { kind: 'rolling', length: month } })).not.toBe(
      windowKey({ shifts: [], range: { kind: 'before', length: month } }),
    );
    expect(windowKey({ shifts: [month] })).not.toBe(windowKey({ shifts: [], range: { kind: 'rolling', length: month } }));
  });
});

describe('row expressions', () => {
  const col = (column: string, path: string[] = []): IrRowExpr => ({ kind: 'column', path, column });
  it('are keyed by meaning', () => {
    const a: IrRowExpr = { kind: 'binary', op: '=', left: col('stage'), right: { kind: 'literal', value: 'Won', type: 'string' } };
    const b: IrRowExpr = { right: { type: 'string', value: 'Won', kind: 'literal' }, left: col('stage'), op: '=', kind: 'binary' };
    expect(rowExprKey(a)).toBe(rowExprKey(b));
    expect(rowExprKey(col('region', ['owner']))).not.toBe(rowExprKey(col('region')));
    expect(rowExprKey(col('b', ['a']))).not.toBe(rowExprKey(col('a.b')));
    expect(rowExprKey({ kind: 'literal', value: '1', type: 'string' })).not.toBe(rowExprKey({ kind: 'literal', value: 1, type: 'number' }));
    expect(rowExprKey({ kind: 'literal', value: '2025-01-01', type: 'date' })).not.toBe(
      rowExprKey({ kind: 'literal', value: '2025-01-01', type: 'string' }),
    );
  });
});
