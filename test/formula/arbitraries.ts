/**
 * fast-check arbitraries for formulas: well-formed ASTs (shaped as the parser builds them), raw
 * text, and "token soups" of real tokens in random order.
 */
import fc from 'fast-check';
import type { Span } from '../../src/diagnostics/span.js';
import type { BinaryOperator, CallArgument, DurationUnit, Expr, NameRef } from '../../src/formula/ast.js';

const span: Span = { file: '', start: 0, end: 0 };

const KEYWORDS = new Set(['and', 'or', 'not', 'in', 'between', 'is', 'null', 'true', 'false', 'where', 'on', 'per']);

/** Identifiers that are not keywords, in any case (`date`, `year`… included: they are names). */
const identifier = fc
  .oneof(
    fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,7}$/),
    fc.constantFrom('date', 'Date', 'year', 'months', 'day', 'days_between', 'amount', 'inner', 'order', 'nothing'),
  )
  .filter((s) => !KEYWORDS.has(s.toLowerCase()));

const functionName = identifier.map((s) => s.toLowerCase()).filter((s) => !KEYWORDS.has(s));

/** Non-negative finite numbers: the parser never builds a negative literal (that is unary minus). */
const magnitude = fc.oneof(
  fc.nat({ max: 1_000_000 }),
  fc.double({ min: 0, max: Number.MAX_VALUE, noNaN: true, noDefaultInfinity: true }).filter((v) => !Object.is(v, -0)),
);

const isoDate = fc
  .date({ min: new Date('1000-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

const nameRef: fc.Arbitrary<NameRef> = fc
  .array(identifier, { minLength: 1, maxLength: 3 })
  .map((parts) => ({ kind: 'name', parts: parts.map((name) => ({ name, span })), span }));

const leaf: fc.Arbitrary<Expr> = fc.oneof(
  fc.record({ kind: fc.constant('number' as const), value: magnitude, percent: fc.boolean(), span: fc.constant(span) }),
  fc.record({ kind: fc.constant('string' as const), value: fc.string({ unit: 'binary', maxLength: 12 }), span: fc.constant(span) }),
  fc.record({ kind: fc.constant('date' as const), value: isoDate, span: fc.constant(span) }),
  fc.record({ kind: fc.constant('boolean' as const), value: fc.boolean(), span: fc.constant(span) }),
  fc.constant<Expr>({ kind: 'null', span }),
  fc.record({
    kind: fc.constant('duration' as const),
    amount: magnitude,
    unit: fc.constantFrom<DurationUnit>('day', 'week', 'month', 'quarter', 'year'),
    span: fc.constant(span),
  }),
  nameRef,
);

const binaryOp = fc.constantFrom<BinaryOperator>('+', '-', '*', '/', '=', '!=', '<', '<=', '>', '>=', 'and', 'or');

/** Well-formed formula trees (every span a dummy: compare with spans stripped). */
export const exprArbitrary: fc.Arbitrary<Expr> = fc.letrec<{ expr: Expr; arg: CallArgument }>((tie) => ({
  expr: fc.oneof(
    { maxDepth: 4, depthIdentifier: 'expr' },
    leaf,
    fc.record({ kind: fc.constant('binary' as const), op: binaryOp, left: tie('expr'), right: tie('expr'), span: fc.constant(span) }),
    fc.record({
      kind: fc.constant('unary' as const),
      op: fc.constantFrom('-' as const, '+' as const, 'not' as const),
      operand: tie('expr'),
      span: fc.constant(span),
    }),
    fc.record({ kind: fc.constant('index' as const), target: nameRef, index: tie('expr'), span: fc.constant(span) }),
    fc.record({
      kind: fc.constant('in' as const),
      operand: tie('expr'),
      negated: fc.boolean(),
      list: fc.array(tie('expr'), { minLength: 1, maxLength: 3 }),
      span: fc.constant(span),
    }),
    fc.record({
      kind: fc.constant('between' as const),
      operand: tie('expr'),
      negated: fc.boolean(),
      low: tie('expr'),
      high: tie('expr'),
      span: fc.constant(span),
    }),
    fc.record({ kind: fc.constant('is-null' as const), operand: tie('expr'), negated: fc.boolean(), span: fc.constant(span) }),
    fc.record({
      kind: fc.constant('call' as const),
      name: functionName,
      nameSpan: fc.constant(span),
      args: fc.array(tie('arg'), { maxLength: 3 }),
      span: fc.constant(span),
    }),
  ),
  arg: fc.record(
    { value: tie('expr'), where: tie('expr'), on: tie('expr'), per: tie('expr'), span: fc.constant(span) },
    { requiredKeys: ['value', 'span'] },
  ),
})).expr;

const TOKEN_TEXTS = [
  'sum',
  'count',
  'amount',
  'won',
  'Date',
  'date',
  'year',
  'months',
  '3',
  '1_000',
  '0.5',
  '15%',
  '1e999',
  "'x'",
  "'it''s'",
  "'open",
  '"dq"',
  '(',
  ')',
  '[',
  ']',
  ',',
  '.',
  '+',
  '-',
  '*',
  '/',
  '=',
  '!=',
  '<>',
  '<',
  '<=',
  '>',
  '>=',
  'and',
  'OR',
  'not',
  'in',
  'between',
  'is',
  'null',
  'true',
  'false',
  'where',
  'on',
  'per',
  '#c\n',
  '@',
  '&&',
  '\u0000',
  'é',
  ';',
  '\n',
];

/** Real tokens (and a few bad ones) in random order and number. */
export const tokenSoup: fc.Arbitrary<string> = fc
  .array(fc.constantFrom(...TOKEN_TEXTS), { maxLength: 40 })
  .chain((tokens) => fc.constantFrom(tokens.join(' '), tokens.join('')));
