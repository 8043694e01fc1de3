/**
 * AST building and the longer grammar alternatives (literals, `in`, `between`, `is`), called from
 * the rules of {@link FormulaParser}. They use the DSL (`CONSUME`, `OR`…) of the calling rule, so
 * chevrotain records them as part of that rule.
 */
import type { IToken, ParserMethod } from './chevrotain.js';
import type { BinaryOperator, Expr, NameRef, UnaryExpr } from './ast.js';
import { closestName } from '../diagnostics/suggest.js';
import { dateProblem, doubleQuotedValue, durationUnit, numberValue, singleQuotedValue, UNIT_SPELLINGS } from './literals.js';
import { FormulaParserBase } from './parser-base.js';
import * as M from './syntax-messages.js';
import * as T from './tokens.js';

/** Node builders and compound alternatives over {@link FormulaParserBase}. */
export abstract class FormulaParserNodes extends FormulaParserBase {
  protected abstract readonly additive: ParserMethod<[], Expr>;
  protected abstract readonly valueList: ParserMethod<[], Expr[]>;

  protected binary(op: BinaryOperator, left: Expr, right: Expr): Expr {
    return { kind: 'binary', op, left, right, span: this.spanOf(left, right) };
  }

  /** Applies prefix operators right to left: `- -x` is `-(-x)`. */
  protected prefixed(ops: readonly IToken[], operand: Expr, opOf: (t: IToken) => UnaryExpr['op']): Expr {
    let result = operand;
    for (let i = ops.length - 1; i >= 0; i--) {
      const token = ops[i] as IToken;
      result = { kind: 'unary', op: opOf(token), operand: result, span: this.span(this.startOf(token), result.span.end) };
    }
    return result;
  }

  protected nameRef(parts: readonly IToken[]): NameRef {
    const named = parts.map((p) => ({ name: p.image, span: this.span(this.startOf(p), this.endOf(p)) }));
    const first = named[0];
    const last = named[named.length - 1];
    return { kind: 'name', parts: named, span: this.span(first?.span.start ?? 0, last?.span.end ?? 0) };
  }

  /** Where an operand should start but cannot: report, and stand in an error without consuming. */
  protected missingOperand(): Expr {
    const found = this.LA(1);
    const previous = this.previous();
    if (previous === undefined && M.isEof(found)) {
      this.reportAt(found, { message: 'the formula is empty', hint: 'write an expression, e.g. `count(opportunities)`' });
    } else {
      this.reportAt(found, M.expectedExpression(previous, found, this.LA(2)));
    }
    const at = this.startOf(found);
    return this.errorExpr(at, at);
  }

  /** `[not] in ( value, … )` after its operand. */
  protected inTail(operand: Expr, not: IToken | undefined): Expr {
    const keyword = this.CONSUME(T.In);
    const open = this.expect(0, T.LParen, (found) => ({
      message: `expected \`(\` after \`in\`, found ${M.describe(found)}`,
      hint: "put the values in parentheses: `x in ('a', 'b')`",
    }));
    if (open === undefined) return this.errorExpr(operand.span.start, this.endOf(keyword));
    const list = this.SUBRULE(this.valueList);
    const close = this.expectClose(0, T.RParen, (found) => M.expectedClose(')', 'in (', found, true, this.previous()));
    return this.ACTION(() => {
      const end = close ? this.endOf(close) : (list.at(-1)?.span.end ?? this.endOf(open));
      return { kind: 'in', operand, negated: not !== undefined, list, span: this.span(operand.span.start, end) };
    });
  }

  /** `[not] between low and high` after its operand. */
  protected betweenTail(operand: Expr, not: IToken | undefined): Expr {
    this.CONSUME(T.Between);
    const low = this.SUBRULE3(this.additive);
    const and = this.expect(0, T.And, (found) => ({
      message: `expected \`and\` to complete \`between … and …\`, found ${M.describe(found)}`,
      hint: 'write `x between low and high`',
    }));
    if (and === undefined) return this.errorExpr(operand.span.start, low.span.end);
    const high = this.SUBRULE4(this.additive);
    return this.ACTION(() => ({ kind: 'between', operand, negated: not !== undefined, low, high, span: this.spanOf(operand, high) }));
  }

  /** `is [not] null` after its operand. */
  protected isNullTail(operand: Expr): Expr {
    const keyword = this.CONSUME(T.Is);
    const not = this.OPTION4(() => this.CONSUME3(T.Not));
    const nul = this.expect(0, T.Null, (found) => ({
      message: `expected \`null\` or \`not null\` after \`is\`, found ${M.describe(found)}`,
      hint: 'write `x is null` or `x is not null`; to compare values, use `=`',
    }));
    if (nul === undefined) return this.errorExpr(operand.span.start, this.endOf(not ?? keyword));
    return this.ACTION(() => ({ kind: 'is-null', operand, negated: not !== undefined, span: this.spanOf(operand, nul) }));
  }

  /** Every literal: numbers, durations, percentages, strings, dates, booleans, null. */
  protected literalBody(): Expr {
    return this.OR([
      { ALT: () => this.numberOrDuration() },
      {
        ALT: () => {
          const token = this.CONSUME(T.PercentLiteral);
          return this.ACTION(() => this.numberNode(token, true));
        },
      },
      {
        ALT: () => {
          const word = this.CONSUME(T.DateWord);
          const text = this.CONSUME(T.StringLiteral);
          return this.ACTION(() => this.dateNode(word, text));
        },
      },
      {
        ALT: () => {
          const token = this.CONSUME2(T.StringLiteral);
          return this.ACTION(() => ({ kind: 'string', value: stringValue(token), span: this.spanOf(token, token) }));
        },
      },
      { ALT: () => this.keywordLiteral(this.CONSUME(T.True)) },
      { ALT: () => this.keywordLiteral(this.CONSUME(T.False)) },
      { ALT: () => this.keywordLiteral(this.CONSUME(T.Null)) },
    ]);
  }

  private keywordLiteral(token: IToken): Expr {
    return this.ACTION(() => {
      const span = this.spanOf(token, token);
      if (this.is(token, T.Null)) return { kind: 'null', span };
      return { kind: 'boolean', value: this.is(token, T.True), span };
    });
  }

  /** `42`, `3 months`; a number followed by a near-miss unit (`3 mnths`) is a bad literal. */
  private numberOrDuration(): Expr {
    const number = this.CONSUME(T.NumberLiteral);
    const unit = this.OPTION(() => this.CONSUME(T.UnitWord));
    return this.ACTION(() => {
      const node = this.numberNode(number, false);
      if (node.kind !== 'number') return node;
      if (unit !== undefined) {
        return { kind: 'duration', amount: node.value, unit: durationUnit(unit.image) ?? 'day', span: this.spanOf(number, unit) };
      }
      const next = this.LA(1);
      const guess = this.is(next, T.Identifier) ? closestName(next.image.toLowerCase(), UNIT_SPELLINGS) : undefined;
      if (guess === undefined) return node;
      this.reportAt(
        next,
        {
          message: `\`${M.showText(next.image)}\` is not a duration unit; durations use day, week, month, quarter or year (or their plurals)`,
          hint: `did you mean \`${number.image} ${guess}\`?`,
        },
        'formula/bad-literal',
      );
      this.SKIP_TOKEN();
      return this.errorExpr(this.startOf(number), this.endOf(next));
    });
  }

  private numberNode(token: IToken, percent: boolean): Expr {
    const value = numberValue(token.image);
    if (!Number.isFinite(value)) {
      this.reportAt(token, { message: `the number \`${M.showText(token.image)}\` is too large` }, 'formula/bad-literal');
      return this.errorExpr(this.startOf(token), this.endOf(token));
    }
    return { kind: 'number', value, percent, span: this.spanOf(token, token) };
  }

  private dateNode(word: IToken, text: IToken): Expr {
    const value = stringValue(text);
    const problem = dateProblem(value);
    if (problem === undefined) return { kind: 'date', value, span: this.spanOf(word, text) };
    this.reportAt(text, { message: `\`${M.showText(value)}\` is not a valid date: ${problem}` }, 'formula/bad-literal');
    return this.errorExpr(this.startOf(word), this.endOf(text));
  }
}

/** The value of any string-like token (single-quoted, unterminated or double-quoted). */
function stringValue(token: IToken): string {
  if (token.tokenType === T.DoubleQuotedString) return doubleQuotedValue(token.image);
  return singleQuotedValue(token.image, token.tokenType !== T.UnterminatedString);
}
