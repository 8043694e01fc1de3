/**
 * The formula grammar (LANGUAGE.md §5) as a chevrotain parser that builds the AST directly.
 * grammar/formula.ebnf is the same grammar written for people; rule names match.
 *
 * Precedence, low to high: or, and, not, comparison (non-associative), + -, * /, unary - +,
 * postfix (`.` and `[ ]`), primary. Node building and the longer alternatives live in
 * {@link FormulaParserNodes}.
 */
import type { IToken } from './chevrotain.js';
import type { BinaryOperator, CallArgument, Expr, PointSpec } from './ast.js';
import { FormulaParserNodes } from './parser-nodes.js';
import * as M from './syntax-messages.js';
import * as T from './tokens.js';

type ClauseName = 'where' | 'on' | 'per';

/** The formula parser. Build it once (self-analysis is costly) and reuse it. */
export class FormulaParser extends FormulaParserNodes {
  constructor() {
    super();
    this.performSelfAnalysis();
  }

  private readonly recover = { recoveryValueFunc: (e: { token?: IToken }): Expr => this.recoveredExpr(e) };

  /** A whole formula: one expression and nothing after it. */
  readonly formula = this.RULE(
    'formula',
    (): Expr => {
      const expr = this.SUBRULE(this.expression);
      this.ACTION(() => this.noteTrailing((found) => M.unexpectedAfterFormula(this.previous(), found)));
      return expr;
    },
    this.recover,
  );

  readonly expression = this.RULE(
    'expression',
    (): Expr => {
      if (!this.enterNesting()) return this.errorAtNext();
      try {
        let left = this.SUBRULE(this.conjunction);
        this.MANY(() => {
          this.CONSUME(T.Or);
          const right = this.SUBRULE2(this.conjunction);
          left = this.ACTION(() => this.binary('or', left, right));
        });
        return left;
      } finally {
        this.leaveNesting();
      }
    },
    this.recover,
  );

  readonly conjunction = this.RULE(
    'conjunction',
    (): Expr => {
      let left = this.SUBRULE(this.negation);
      this.MANY(() => {
        this.CONSUME(T.And);
        const right = this.SUBRULE2(this.negation);
        left = this.ACTION(() => this.binary('and', left, right));
      });
      return left;
    },
    this.recover,
  );

  readonly negation = this.RULE(
    'negation',
    (): Expr => {
      const nots: IToken[] = [];
      this.MANY(() => {
        nots.push(this.CONSUME(T.Not));
      });
      const operand = this.SUBRULE(this.comparison);
      return this.ACTION(() => this.prefixed(nots, operand, () => 'not'));
    },
    this.recover,
  );

  readonly comparison = this.RULE(
    'comparison',
    (): Expr => {
      let left = this.SUBRULE(this.additive);
      let compared = false;
      // `not` continues a comparison only before `in` / `between`; the gate keeps a stray `not`
      // for the caller to report instead of failing inside the alternatives.
      const gate = (): boolean => !this.is(this.LA(1), T.Not) || this.is(this.LA(2), T.In) || this.is(this.LA(2), T.Between);
      this.OPTION({
        GATE: gate,
        DEF: () => {
          compared = true;
          left = this.OR([
            {
              ALT: () => {
                const op = this.CONSUME(T.ComparisonOperator);
                const right = this.SUBRULE2(this.additive);
                return this.ACTION(() => this.binary(T.COMPARISON_TOKENS.get(op.tokenType) ?? '=', left, right));
              },
            },
            {
              ALT: () =>
                this.inTail(
                  left,
                  this.OPTION2(() => this.CONSUME1(T.Not)),
                ),
            },
            {
              ALT: () =>
                this.betweenTail(
                  left,
                  this.OPTION3(() => this.CONSUME2(T.Not)),
                ),
            },
            { ALT: () => this.isNullTail(left) },
          ]);
        },
      });
      this.ACTION(() => {
        if (compared && M.continuesComparison(this.LA(1), this.LA(2))) this.reportAt(this.LA(1), M.chainedComparison(this.LA(1)));
      });
      return left;
    },
    this.recover,
  );

  readonly additive = this.RULE(
    'additive',
    (): Expr => {
      let left = this.SUBRULE(this.multiplicative);
      this.MANY(() => {
        const op = this.CONSUME(T.AdditiveOperator);
        const right = this.SUBRULE2(this.multiplicative);
        left = this.ACTION(() => this.binary(op.image as BinaryOperator, left, right));
      });
      return left;
    },
    this.recover,
  );

  readonly multiplicative = this.RULE(
    'multiplicative',
    (): Expr => {
      let left = this.SUBRULE(this.unary);
      this.MANY(() => {
        const op = this.CONSUME(T.MultiplicativeOperator);
        const right = this.SUBRULE2(this.unary);
        left = this.ACTION(() => this.binary(op.image as BinaryOperator, left, right));
      });
      return left;
    },
    this.recover,
  );

  readonly unary = this.RULE(
    'unary',
    (): Expr => {
      const signs: IToken[] = [];
      this.MANY(() => {
        signs.push(this.CONSUME(T.AdditiveOperator));
      });
      const operand = this.SUBRULE(this.primary);
      return this.ACTION(() => this.prefixed(signs, operand, (t) => (t.image === '-' ? '-' : '+')));
    },
    this.recover,
  );

  readonly primary = this.RULE(
    'primary',
    (): Expr => {
      if (!this.RECORDING_PHASE && !M.startsOperand(this.LA(1))) return this.missingOperand();
      return this.OR([
        { ALT: () => this.SUBRULE(this.literal) },
        { ALT: () => this.SUBRULE(this.parenthesized) },
        { ALT: () => this.SUBRULE(this.reference) },
      ]);
    },
    this.recover,
  );

  readonly literal = this.RULE('literal', (): Expr => this.literalBody(), this.recover);

  readonly parenthesized = this.RULE(
    'parenthesized',
    (): Expr => {
      const open = this.CONSUME(T.LParen);
      const inner = this.SUBRULE(this.expression);
      const close = this.expectClose(0, T.RParen, (found) => M.expectedClose(')', '(', found, false, this.previous()));
      return this.ACTION(() => this.widen(inner, this.startOf(open), close ? this.endOf(close) : inner.span.end));
    },
    this.recover,
  );

  /** A name, a dotted name, an indexed name or a call. */
  readonly reference = this.RULE(
    'reference',
    (): Expr => {
      const first = this.CONSUME(T.Identifier);
      return this.OR([
        { ALT: () => this.SUBRULE(this.callArguments, { ARGS: [first] }) },
        {
          ALT: () => {
            const parts = [first];
            this.MANY(() => {
              this.CONSUME(T.Dot);
              const part = this.expect(1, T.Identifier, (found) => ({
                message: `expected a name after \`.\`, found ${M.describe(found)}`,
              }));
              if (part !== undefined) parts.push(part);
            });
            const name = this.ACTION(() => this.nameRef(parts));
            let result: Expr = name;
            this.OPTION(() => {
              this.CONSUME(T.LBracket);
              const index = this.SUBRULE(this.expression);
              const close = this.expectClose(0, T.RBracket, (found) =>
                M.expectedClose(']', `${parts.map((p) => p.image).join('.')}[`, found, false, this.previous()),
              );
              result = this.ACTION(() => ({
                kind: 'index',
                target: name,
                index,
                span: this.span(name.span.start, close ? this.endOf(close) : index.span.end),
              }));
            });
            return result;
          },
        },
      ]);
    },
    this.recover,
  );

  /** `(arg, …)` after a function name. */
  readonly callArguments = this.RULE(
    'callArguments',
    (callee?: IToken): Expr => {
      this.CONSUME(T.LParen);
      let args: CallArgument[] = [];
      // The list is optional (`today()`), but anything but `)` is parsed as a list so that `f(,)` says
      // "expected an expression" rather than "expected `)`".
      if (this.RECORDING_PHASE) this.OPTION(() => this.SUBRULE(this.argumentList));
      else if (!this.is(this.LA(1), T.RParen)) args = this.SUBRULE(this.argumentList, { ARGS: [callee] });
      const close = this.expectClose(0, T.RParen, (found) => M.expectedClose(')', `${callee?.image ?? ''}(`, found, true, this.previous()));
      return this.ACTION(() => {
        const fn = callee as IToken;
        const end = close ? this.endOf(close) : (args.at(-1)?.span.end ?? this.endOf(fn) + 1);
        return {
          kind: 'call',
          name: fn.image.toLowerCase(),
          nameSpan: this.span(this.startOf(fn), this.endOf(fn)),
          args,
          span: this.span(this.startOf(fn), end),
        };
      });
    },
    this.recover,
  );

  readonly argumentList = this.RULE(
    'argumentList',
    (callee?: IToken): CallArgument[] => {
      const args = [this.SUBRULE(this.argument, { ARGS: [callee] })];
      this.MANY(() => {
        this.CONSUME(T.Comma);
        args.push(this.SUBRULE2(this.argument, { ARGS: [callee] }));
      });
      return args;
    },
    { recoveryValueFunc: () => [] },
  );

  /** One argument and its `where` / `on` / `per` / `as at` clauses, in any order, each at most once. */
  readonly argument = this.RULE(
    'argument',
    (_callee?: IToken): CallArgument => {
      const value = this.SUBRULE(this.expression);
      const clauses = new Map<ClauseName, Expr>();
      let asAt: PointSpec | undefined;
      let end: number | undefined;
      this.MANY(() => {
        this.OR([
          {
            ALT: () => {
              const keyword = this.OR2([
                { ALT: () => this.CONSUME(T.Where) },
                { ALT: () => this.CONSUME(T.On) },
                { ALT: () => this.CONSUME(T.Per) },
              ]);
              const clause = this.SUBRULE2(this.expression);
              this.ACTION(() => {
                end = clause.span.end;
                const name = keyword.image.toLowerCase() as ClauseName;
                if (clauses.has(name)) this.reportAt(keyword, duplicateClause(name));
                else clauses.set(name, clause);
              });
            },
          },
          {
            ALT: () => {
              const keyword = this.CONSUME(T.AsWord);
              const point = this.SUBRULE(this.point, { ARGS: [keyword] });
              this.ACTION(() => {
                if (point === undefined) return;
                end = point.span.end;
                if (asAt !== undefined) this.reportAt(keyword, duplicateClause('as at'));
                else asAt = point;
              });
            },
          },
        ]);
      });
      return this.ACTION(() => ({
        value,
        ...(clauses.has('where') ? { where: clauses.get('where') } : {}),
        ...(clauses.has('on') ? { on: clauses.get('on') } : {}),
        ...(clauses.has('per') ? { per: clauses.get('per') } : {}),
        ...(asAt !== undefined ? { asAt } : {}),
        span: this.span(value.span.start, end ?? value.span.end),
      }));
    },
    {
      recoveryValueFunc: (e: { token?: IToken }) => {
        const value = this.recoveredExpr(e);
        return { value, span: value.span };
      },
    },
  );

  /** `at end`, `at start`, `at day N`, `at week N`, `at month N` after `as`. */
  readonly point = this.RULE(
    'point',
    (asWord?: IToken): PointSpec | undefined => {
      const at = this.CONSUME(T.Identifier);
      const word = this.CONSUME2(T.Identifier);
      let n: IToken | undefined;
      this.OPTION(() => {
        n = this.CONSUME(T.NumberLiteral);
      });
      return this.ACTION(() => {
        const start = asWord === undefined ? this.startOf(at) : this.startOf(asWord);
        const last = n ?? word;
        const parsed = M.pointOf(at, word, n);
        if (typeof parsed !== 'string') return { ...parsed, span: this.span(start, this.endOf(last)) };
        this.report('formula/syntax', this.startOf(at), this.endOf(last), { message: parsed, hint: M.POINT_HINT });
        return undefined;
      });
    },
    { recoveryValueFunc: () => undefined },
  );

  /** The values of `in ( … )`. */
  readonly valueList = this.RULE(
    'valueList',
    (): Expr[] => {
      const values = [this.SUBRULE(this.expression)];
      this.MANY(() => {
        this.CONSUME(T.Comma);
        values.push(this.SUBRULE2(this.expression));
      });
      return values;
    },
    { recoveryValueFunc: () => [] },
  );
}

function duplicateClause(name: ClauseName | 'as at'): M.Wording {
  const hint = name === 'where' ? 'combine the conditions with `and`: `where a and b`' : `keep one \`${name}\``;
  return { message: `this argument already has ${name === 'as at' ? 'an' : 'a'} \`${name}\` clause`, hint };
}
