/**
 * The words of syntax diagnostics: how a token is named in a message, and the hints that turn a
 * bare "unexpected token" into a suggestion. Kept apart from the grammar so the parser reads as
 * grammar, and so every message is phrased the same way.
 */
import { EOF, tokenMatcher, type IToken, type TokenType } from './chevrotain.js';
import type { PointAnchor } from './ast.js';
import {
  COMPARISON_TOKENS,
  Comma,
  Dot,
  Equal,
  Greater,
  Less,
  Identifier,
  KEYWORD_TOKENS,
  LBracket,
  LParen,
  Not,
  NumberLiteral,
  On,
  PercentLiteral,
  Per,
  RBracket,
  RParen,
  StringLiteral,
  True,
  False,
  Null,
  Where,
  Minus,
  Plus,
} from './tokens.js';

/** A message with an optional hint, before it gets a code and a position. */
export interface Wording {
  readonly message: string;
  readonly hint?: string | undefined;
}

const MAX_SHOWN = 32;

/** Makes arbitrary text safe and short inside backticks in a one-line message. */
export function showText(text: string): string {
  const visible = text.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return visible.length > MAX_SHOWN ? `${visible.slice(0, MAX_SHOWN - 1)}…` : visible;
}

/** True for the virtual end-of-input token. */
export function isEof(token: IToken): boolean {
  return token.tokenType === EOF;
}

/** How a found token is named: "`where`", "`'Closed Won'`", "the end of the formula". */
export function describe(token: IToken): string {
  return isEof(token) ? 'the end of the formula' : `\`${showText(token.image)}\``;
}

function is(token: IToken, type: TokenType): boolean {
  return tokenMatcher(token, type);
}

/** Tokens that can begin an expression (unary prefixes included). */
export function startsExpression(token: IToken): boolean {
  return startsOperand(token) || is(token, Minus) || is(token, Plus) || is(token, Not);
}

/** Tokens that can begin an operand: a literal, a name or a parenthesis. */
export function startsOperand(token: IToken): boolean {
  return [NumberLiteral, PercentLiteral, StringLiteral, True, False, Null, LParen, Identifier].some((t) => is(token, t));
}

/** How `as at` is written, for messages about a malformed point. */
export const POINT_HINT = 'write `as at end`, `as at start`, or `as at day N`, `as at week N`, `as at month N` (N a whole number from 1)';

/**
 * The point of an `as at` clause from its tokens (`at`, the word, the optional number), or the
 * message saying why it is not one.
 */
export function pointOf(at: IToken, word: IToken, n: IToken | undefined): { at: PointAnchor; n?: number } | string {
  if (at.image.toLowerCase() !== 'at') return `expected \`at\` after \`as\`, found ${describe(at)}`;
  const w = word.image.toLowerCase();
  if (w === 'end' || w === 'start') {
    return n === undefined ? { at: w } : `\`as at ${w}\` takes no number, found ${describe(n)}`;
  }
  if (w !== 'day' && w !== 'week' && w !== 'month') {
    return `expected \`end\`, \`start\`, \`day\`, \`week\` or \`month\` after \`as at\`, found ${describe(word)}`;
  }
  const value = n === undefined ? NaN : Number(n.image.replace(/_/g, ''));
  if (!Number.isInteger(value) || value < 1) {
    return `\`as at ${w}\` needs a whole number from 1, found ${n === undefined ? 'none' : describe(n)}`;
  }
  return { at: w, n: value };
}

/** True for the clause keywords `where`, `on`, `per`. */
function isClauseKeyword(token: IToken): boolean {
  return is(token, Where) || is(token, On) || is(token, Per);
}

const CLAUSE_EXAMPLES: ReadonlyMap<string, string> = new Map([
  ['where', 'sum(amount where won)'],
  ['on', 'sum(amount on created_date)'],
  ['per', 'avg(sum(amount) per owner_id)'],
]);

const CLAUSE_HINT = (word: string): string =>
  `\`${word}\` goes inside a call's parentheses, after the argument it applies to, e.g. \`${CLAUSE_EXAMPLES.get(word) ?? ''}\``;

/** "is an operator missing?", and for two names in a row, the unquoted-text slip. */
function missingOperatorHint(previous: IToken | undefined, found: IToken, orComma: boolean): string {
  const question = `is ${orComma ? 'a `,` or ' : ''}an operator missing before ${describe(found)}?`;
  if (previous !== undefined && is(previous, Identifier) && is(found, Identifier)) {
    return `${question} Text values go in single quotes: '${previous.image} ${found.image}'`;
  }
  return question;
}

/** "expected an expression after `+`, found `)`" and its hint; `next` is the token after `found`. */
export function expectedExpression(previous: IToken | undefined, found: IToken, next?: IToken): Wording {
  const after = previous === undefined ? '' : ` after \`${showText(previous.image)}\``;
  const message = `expected an expression${after}, found ${describe(found)}`;
  const afterEqual = previous !== undefined && is(previous, Equal);
  let hint: string | undefined;
  if (is(found, Equal) && afterEqual) hint = 'compare with a single `=`';
  else if ((is(found, Greater) || is(found, Less)) && afterEqual) hint = `did you mean \`${found.image}=\`?`;
  else if (is(found, Dot) && next !== undefined && is(next, NumberLiteral)) hint = `write a digit before the point: \`0.${next.image}\``;
  else if (is(found, Not)) hint = 'put `not …` in parentheses here: `(not …)`';
  else if (isClauseKeyword(found)) hint = `a \`${found.image.toLowerCase()}\` clause follows an argument, e.g. \`sum(amount where won)\``;
  else if (KEYWORD_TOKENS.has(found.tokenType)) hint = `\`${found.image}\` is a reserved word and cannot be used as a name`;
  return { message, hint };
}

/**
 * "expected `)` to close `sum(`, found `where`". `inList` says whether a `,` would also have been
 * right here, for the "missing comma" hint.
 */
export function expectedClose(closer: ')' | ']', opener: string, found: IToken, inList: boolean, previous?: IToken): Wording {
  const message = `expected \`${closer}\` to close \`${showText(opener)}\`, found ${describe(found)}`;
  let hint: string | undefined;
  if (isClauseKeyword(found)) hint = CLAUSE_HINT(found.image.toLowerCase());
  else if (is(found, Not)) hint = 'after a value, `not` must be followed by `in` or `between`: `x not in (…)`';
  else if (!inList && is(found, Comma)) hint = 'parentheses group a single expression; a list of values goes after `in`: `x in (a, b)`';
  else if (startsOperand(found)) hint = missingOperatorHint(previous, found, inList);
  return { message, hint };
}

/** Tokens left over after a complete formula. */
export function unexpectedAfterFormula(previous: IToken | undefined, found: IToken): Wording {
  if (is(found, RParen) || is(found, RBracket)) {
    const opener = is(found, RParen) ? '(' : '[';
    return { message: `found \`${found.image}\` but no \`${opener}\` is open`, hint: `remove the \`${found.image}\`` };
  }
  const message = `expected an operator or the end of the formula, found ${describe(found)}`;
  let hint: string | undefined;
  if (isClauseKeyword(found)) hint = CLAUSE_HINT(found.image.toLowerCase());
  else if (is(found, Comma)) hint = 'arguments separated by `,` go inside a call: `coalesce(a, b)`';
  else if (is(found, Not)) hint = 'after a value, `not` must be followed by `in` or `between`: `x not in (…)`';
  else if (is(found, LParen) && previous !== undefined && is(previous, Identifier)) {
    hint = 'only a plain function name can be called, e.g. `lower(name)`';
  } else if (is(found, LBracket)) hint = 'only a name can be indexed, e.g. `stage_probability[stage]`';
  else if (startsOperand(found)) hint = missingOperatorHint(previous, found, false);
  return { message, hint };
}

/** True for `=`, `<`, …, `in`, `between`, `is`: tokens that continue a comparison. */
export function continuesComparison(token: IToken, next: IToken): boolean {
  if (COMPARISON_TOKENS.has(token.tokenType)) return true;
  const name = token.tokenType.name;
  if (name === 'In' || name === 'Between' || name === 'Is') return true;
  return name === 'Not' && (next.tokenType.name === 'In' || next.tokenType.name === 'Between');
}

/** A second comparison right after a first one: `a = b = c`. */
export function chainedComparison(found: IToken): Wording {
  return {
    message: `comparisons cannot be chained, found ${describe(found)} after a comparison`,
    hint: 'combine two comparisons with `and`, e.g. `a < b and b < c`, or add parentheses',
  };
}

const CHARACTER_HINTS: ReadonlyMap<string, string> = new Map([
  ['&', 'write `and`'],
  ['|', 'write `or`'],
  ['!', 'write `not`, or `!=` for "not equal"'],
  ['%', 'a percent sign goes right after a number: `15%`'],
  [';', 'a formula is a single expression; remove the `;`'],
  ['`', "strings use single quotes: 'text'"],
  ['{', 'use parentheses `(` `)` to group'],
  ['}', 'use parentheses `(` `)` to group'],
]);

/** Characters the lexer could not read. */
export function unexpectedCharacters(text: string): Wording {
  const first = text[0] ?? '';
  const plural = text.length > 1 ? 's' : '';
  let hint = CHARACTER_HINTS.get(first);
  if (hint === undefined && /[^\u0000-\u007f]/.test(first) && /\p{L}/u.test(first)) {
    hint = 'names use only the letters A–Z and a–z, digits and `_`';
  }
  return { message: `unexpected character${plural} \`${showText(text)}\``, hint };
}

/** `"Closed Won"`: the double-quote slip. */
export function doubleQuoted(image: string, value: string): Wording {
  return {
    message: `double quotes do not make a string, found \`${showText(image)}\``,
    hint: `strings use single quotes: '${value.replace(/'/g, "''")}'`,
  };
}

/** `'Closed Won` with no closing quote. */
export function unterminatedString(image: string): Wording {
  return { message: `the string \`${showText(image)}\` is not closed`, hint: "add the closing `'`" };
}
