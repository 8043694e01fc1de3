/**
 * The state and recovery helpers under the formula grammar ({@link FormulaParser} holds the
 * rules). Spans here are raw offsets into the formula text (file `<formula>`); `parseFormula` maps
 * them to catalog positions afterwards.
 *
 * Recovery is mostly explicit: where a token is required (`)`, `]`, `and` of `between`…) the
 * parser checks for it, reports in its own words when it is missing, and goes on as if it had
 * been there. chevrotain's automatic recovery stays enabled underneath as a safety net.
 */
import { EmbeddedActionsParser, tokenMatcher, type IToken, type TokenType } from './chevrotain.js';
import type { DiagnosticCode } from '../diagnostics/codes.js';
import type { Span } from '../diagnostics/span.js';
import type { ErrorExpr, Expr } from './ast.js';
import { isEof, type Wording } from './syntax-messages.js';
import { FORMULA_TOKENS, LBracket, LParen, RBracket, RParen } from './tokens.js';

/** A diagnostic before it is located: raw offsets into the formula text. */
export interface Problem {
  readonly code: Extract<DiagnosticCode, `formula/${string}`>;
  readonly start: number;
  readonly end: number;
  readonly message: string;
  readonly hint?: string | undefined;
}

/** The file name of raw spans, before `locate` maps them. */
export const RAW_FILE = '<formula>';

/** Deeper nesting than this is refused rather than risking the call stack. */
const MAX_NESTING = 100;

/** Parser state and helpers shared by the grammar rules. */
export abstract class FormulaParserBase extends EmbeddedActionsParser {
  /** Problems found by the current run, in the order found. */
  problems: Problem[] = [];
  /** Index (in the current token vector) of the first token left after the formula, if any. */
  trailingIndex: number | undefined = undefined;
  /** True once nesting went too deep: the rest of the input was skipped and nothing more is reported. */
  nestingExceeded = false;
  private nesting = 0;
  private eofOffset = 0;
  private reportTrailing = true;

  protected constructor() {
    super([...FORMULA_TOKENS], { recoveryEnabled: true, maxLookahead: 3 });
  }

  /** Prepares a run over `tokens`; `eofOffset` is where "the end of the formula" is reported. */
  begin(tokens: IToken[], eofOffset: number, reportTrailing: boolean): void {
    this.input = tokens;
    this.problems = [];
    this.trailingIndex = undefined;
    this.nestingExceeded = false;
    this.nesting = 0;
    this.eofOffset = eofOffset;
    this.reportTrailing = reportTrailing;
  }

  protected span(start: number, end: number): Span {
    return { file: RAW_FILE, start, end };
  }

  /** Start offset of a token; the virtual end token and tokens made up by recovery sit at the end. */
  protected startOf(token: IToken): number {
    return isEof(token) || Number.isNaN(token.startOffset) ? this.eofOffset : token.startOffset;
  }

  /** End offset (exclusive) of a token. */
  protected endOf(token: IToken): number {
    return isEof(token) || Number.isNaN(token.startOffset) ? this.eofOffset : token.startOffset + token.image.length;
  }

  protected is(token: IToken, type: TokenType): boolean {
    return tokenMatcher(token, type);
  }

  /** The token consumed last, or undefined at the start of the input. */
  protected previous(): IToken | undefined {
    const t = this.LA(0);
    return isEof(t) ? undefined : t;
  }

  protected report(code: Problem['code'], start: number, end: number, wording: Wording): void {
    if (this.nestingExceeded) return;
    this.problems.push({ code, start, end, message: wording.message, hint: wording.hint });
  }

  /** Reports at a token (a zero-width span at the end for the end of input). */
  protected reportAt(token: IToken, wording: Wording, code: Problem['code'] = 'formula/syntax'): void {
    this.report(code, this.startOf(token), this.endOf(token), wording);
  }

  protected errorExpr(start: number, end: number): ErrorExpr {
    return { kind: 'error', span: this.span(start, end) };
  }

  /** An error node standing where the next token is (which is not consumed). */
  protected errorAtNext(): ErrorExpr {
    const next = this.LA(1);
    return this.errorExpr(this.startOf(next), this.endOf(next));
  }

  /**
   * Consumes a required token, or reports `missing()` and returns undefined without consuming
   * anything. In the recording phase the token is always "consumed", so the grammar records it.
   */
  protected expect(idx: number, type: TokenType, missing: (found: IToken) => Wording): IToken | undefined {
    if (this.RECORDING_PHASE || this.is(this.LA(1), type)) return this.consume(idx, type);
    this.reportAt(this.LA(1), missing(this.LA(1)));
    return undefined;
  }

  /**
   * Like {@link expect} for a closing `)` or `]`: when it is missing, reports once and skips to
   * the matching closer if one follows (so the rest of the formula still parses), else gives up
   * without consuming.
   */
  protected expectClose(idx: number, closer: TokenType, missing: (found: IToken) => Wording): IToken | undefined {
    const got = this.expect(idx, closer, missing);
    if (got !== undefined) return got;
    const distance = this.distanceToClose(closer);
    if (distance === undefined) return undefined;
    for (let i = 1; i < distance; i++) this.SKIP_TOKEN();
    return this.consume(idx, closer);
  }

  /**
   * How far ahead (LA index) the closer of the current level is; undefined when the input ends
   * first or an enclosing bracket closes first (recovery never skips out of the enclosing call).
   */
  private distanceToClose(closer: TokenType): number | undefined {
    let parens = 0;
    let brackets = 0;
    for (let k = 1; ; k++) {
      const t = this.LA(k);
      if (isEof(t)) return undefined;
      if (this.is(t, LParen)) parens++;
      else if (this.is(t, LBracket)) brackets++;
      else if (this.is(t, RParen)) {
        if (parens === 0) return closer === RParen && brackets === 0 ? k : undefined;
        parens--;
      } else if (this.is(t, RBracket)) {
        if (brackets === 0) return closer === RBracket && parens === 0 ? k : undefined;
        brackets--;
      }
    }
  }

  /**
   * Enters one level of nesting. Past {@link MAX_NESTING} it reports once, skips the rest of the
   * input and returns false.
   */
  protected enterNesting(): boolean {
    if (this.RECORDING_PHASE) return true;
    this.nesting++;
    if (this.nesting <= MAX_NESTING || this.nestingExceeded) return !this.nestingExceeded;
    const at = this.LA(1);
    this.reportAt(at, {
      message: `the formula is nested too deeply (more than ${MAX_NESTING} levels)`,
      hint: 'split it into smaller named KPIs or definitions',
    });
    this.nestingExceeded = true;
    while (!isEof(this.LA(1))) this.SKIP_TOKEN();
    return false;
  }

  protected leaveNesting(): void {
    if (!this.RECORDING_PHASE) this.nesting--;
  }

  /** Notes what is left after a complete formula (reported once, by the first run only). */
  protected noteTrailing(report: (found: IToken) => Wording): void {
    const next = this.LA(1);
    if (isEof(next) || this.nestingExceeded) return;
    this.trailingIndex = this.input.indexOf(next);
    if (this.reportTrailing) this.reportAt(next, report(next));
  }

  /** The value chevrotain's own recovery returns for a rule it had to abandon. */
  protected recoveredExpr(e: { token?: IToken }): Expr {
    const token = e.token ?? this.LA(1);
    return this.errorExpr(this.startOf(token), this.endOf(token));
  }

  /** Wraps a node's span to include surrounding parentheses. */
  protected widen<T extends Expr>(expr: T, start: number, end: number): T {
    return { ...expr, span: this.span(start, end) };
  }

  /** Binary node helper spanning both operands. */
  protected spanOf(first: Expr | IToken, last: Expr | IToken): Span {
    const s = 'kind' in first ? first.span.start : this.startOf(first);
    const e = 'kind' in last ? last.span.end : this.endOf(last);
    return this.span(s, e);
  }
}
