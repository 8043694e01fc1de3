/**
 * `parseFormula`: formula text → AST and syntax diagnostics. Never throws: whatever the input, the
 * result is an AST (with `error` nodes where parts did not parse) and the diagnostics that explain
 * them. One lexer and one parser instance serve every call (chevrotain's self-analysis is costly).
 */
import type { IToken } from './chevrotain.js';
import { diagnostic, type Diagnostic, type PhaseResult } from '../diagnostics/diagnostic.js';
import type { Span } from '../diagnostics/span.js';
import type { Expr } from './ast.js';
import { deeperThan, MAX_TREE_DEPTH } from './depth.js';
import { doubleQuotedValue } from './literals.js';
import { RAW_FILE, type Problem } from './parser-base.js';
import { FormulaParser } from './parser.js';
import { relocateExpr } from './relocate.js';
import { describe, doubleQuoted, startsExpression, unexpectedCharacters, unterminatedString } from './syntax-messages.js';
import { DoubleQuotedString, formulaLexer, UnterminatedString } from './tokens.js';

/** Maps half-open offsets of the formula text to a span in a file. */
export type Locate = (start: number, end: number) => Span;

/** Longer formulas are refused: no real formula comes near, and it bounds the AST's depth. */
const MAX_TOKENS = 4000;

const MAX_RUNS = 32;

let parserInstance: FormulaParser | undefined;

/** The shared parser, built on first use. */
export function formulaParser(): FormulaParser {
  parserInstance ??= new FormulaParser();
  return parserInstance;
}

/**
 * Parses one formula. `locate` maps offsets of `text` to the file (default: file `<formula>`,
 * offsets unchanged); every node span and diagnostic span goes through it.
 */
export function parseFormula(text: string, locate?: Locate): PhaseResult<Expr> {
  const place = locate ?? ((start: number, end: number): Span => ({ file: RAW_FILE, start, end }));
  let value: Expr;
  let problems: Problem[];
  try {
    ({ value, problems } = parseRaw(text));
  } catch (e) {
    // A bug, not a user mistake; still, a formula must never take the whole run down.
    value = { kind: 'error', span: { file: RAW_FILE, start: 0, end: text.length } };
    problems = [{ code: 'formula/syntax', start: 0, end: text.length, message: `internal error while parsing this formula: ${String(e)}` }];
  }
  const diagnostics: Diagnostic[] = problems.map((p) => diagnostic(p.code, place(p.start, p.end), p.message, { hint: p.hint }));
  if (locate !== undefined) value = relocateExpr(value, (s) => locate(s.start, s.end));
  return { value, diagnostics };
}

interface RawResult {
  readonly value: Expr;
  readonly problems: Problem[];
}

function parseRaw(text: string): RawResult {
  const lexed = formulaLexer.tokenize(text);
  const tokens = lexed.tokens;
  const lexProblems: Problem[] = lexed.errors.map((e) => ({
    code: 'formula/syntax',
    start: e.offset,
    end: e.offset + e.length,
    ...unexpectedCharacters(text.slice(e.offset, e.offset + e.length)),
  }));
  for (const t of tokens) {
    const end = t.startOffset + t.image.length;
    if (t.tokenType === DoubleQuotedString) {
      lexProblems.push({ code: 'formula/syntax', start: t.startOffset, end, ...doubleQuoted(t.image, doubleQuotedValue(t.image)) });
    } else if (t.tokenType === UnterminatedString) {
      lexProblems.push({ code: 'formula/syntax', start: t.startOffset, end, ...unterminatedString(t.image) });
    }
  }
  const whole: Expr = { kind: 'error', span: { file: RAW_FILE, start: 0, end: text.length } };
  if (tokens.length > MAX_TOKENS) {
    const message = `the formula is too long (${tokens.length} tokens; at most ${MAX_TOKENS})`;
    return {
      value: whole,
      problems: [{ code: 'formula/syntax', start: 0, end: text.length, message, hint: 'split it into named KPIs or definitions' }],
    };
  }
  if (tokens.length === 0 && lexProblems.length > 0) return { value: whole, problems: sortProblems(lexProblems) };

  const lastToken = tokens.at(-1);
  const lastLexError = lexProblems.reduce((m, p) => Math.max(m, p.end), 0);
  const eofOffset = Math.max(lastToken === undefined ? 0 : lastToken.startOffset + lastToken.image.length, lastLexError);
  const { value, parseProblems } = runParser(tokens, eofOffset);
  if (deeperThan(value, MAX_TREE_DEPTH)) {
    const message = `the formula is nested too deeply (its expression tree is more than ${MAX_TREE_DEPTH} levels deep)`;
    return {
      value: whole,
      problems: [{ code: 'formula/syntax', start: 0, end: text.length, message, hint: 'split it into smaller named KPIs or definitions' }],
    };
  }
  const kept = parseProblems.filter((p) => !followsLexError(p, lexed.errors, tokens, eofOffset));
  return { value, problems: dedupe(sortProblems([...lexProblems, ...kept])) };
}

/**
 * Parses the formula, then — when something is left over — parses what follows too, so that
 * mistakes further on are reported in the same run (the left-over itself is reported once).
 */
function runParser(tokens: IToken[], eofOffset: number): { value: Expr; parseProblems: Problem[] } {
  const parser = formulaParser();
  const parseProblems: Problem[] = [];
  let offset = 0;
  let run = tokens;
  let value: Expr | undefined;
  // Bounded: each run costs a copy of the rest of the input, and past a few dozen left-overs
  // nothing new would be said anyway.
  for (let runs = 0; runs < MAX_RUNS; runs++) {
    const first = value === undefined;
    parser.begin(run, eofOffset, first);
    const result = parser.formula();
    if (first) value = result;
    parseProblems.push(...parser.problems, ...chevrotainProblems(parser, eofOffset));
    if (parser.trailingIndex === undefined || parser.nestingExceeded) break;
    let next = offset + Math.max(parser.trailingIndex, 1);
    const token = tokens[next];
    if (token !== undefined && !startsExpression(token)) next++;
    if (next >= tokens.length) break;
    offset = next;
    run = tokens.slice(next);
  }
  return { value: value ?? { kind: 'error', span: { file: RAW_FILE, start: 0, end: eofOffset } }, parseProblems };
}

/** Errors raised by chevrotain itself (its automatic recovery); the grammar's own checks come first. */
function chevrotainProblems(parser: FormulaParser, eofOffset: number): Problem[] {
  return parser.errors
    .filter((e) => e.name !== 'NotAllInputParsedException')
    .map((e): Problem => {
      const t = e.token;
      const bad = Number.isNaN(t.startOffset) || t.tokenType.name === 'EOF';
      const start = bad ? eofOffset : t.startOffset;
      return { code: 'formula/syntax', start, end: bad ? eofOffset : start + t.image.length, message: `unexpected ${describe(t)}` };
    });
}

/**
 * True when a parser problem is only the echo of characters the lexer dropped just before it
 * (`a && b` would otherwise also say "expected an operator, found `b`").
 */
function followsLexError(
  p: Problem,
  errors: readonly { offset: number; length: number }[],
  tokens: readonly IToken[],
  eofOffset: number,
): boolean {
  return errors.some((e) => {
    const after = e.offset + e.length;
    const nextToken = tokens.find((t) => t.startOffset >= after);
    const nextStart = nextToken === undefined ? eofOffset : nextToken.startOffset;
    return p.start >= e.offset && p.start <= nextStart;
  });
}

function sortProblems(problems: Problem[]): Problem[] {
  return problems.sort((a, b) => a.start - b.start);
}

/** One problem per position: the first found there is the most specific. */
function dedupe(sorted: readonly Problem[]): Problem[] {
  const out: Problem[] = [];
  for (const p of sorted) {
    if (out.at(-1)?.start !== p.start) out.push(p);
  }
  return out;
}
