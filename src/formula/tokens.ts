/**
 * The tokens of the formula language and the one lexer built from them (LANGUAGE.md §5).
 *
 * Keywords are case-insensitive and reserved. `date` and the duration units (`day`, `months`, …)
 * are *not* reserved: they lex as their own token types but belong to the `Identifier` category,
 * so the parser accepts them wherever a name is expected and treats them specially only right
 * before a string (`date '2025-01-31'`) or right after a number (`3 months`).
 */
import { createToken, Lexer, type TokenType } from './chevrotain.js';

/** `[A-Za-z_][A-Za-z0-9_]*`: names of columns, KPIs, functions… (case kept as written). */
export const Identifier = createToken({ name: 'Identifier', pattern: /[A-Za-z_][A-Za-z0-9_]*/, label: 'name' });

function keyword(name: string, word: string): TokenType {
  return createToken({ name, pattern: new RegExp(word, 'i'), longer_alt: Identifier, label: `'${word}'` });
}

/** The keyword `and` (any case). */
export const And = keyword('And', 'and');
/** The keyword `or` (any case). */
export const Or = keyword('Or', 'or');
/** The keyword `not` (any case). */
export const Not = keyword('Not', 'not');
/** The keyword `in` (any case). */
export const In = keyword('In', 'in');
/** The keyword `between` (any case). */
export const Between = keyword('Between', 'between');
/** The keyword `is` (any case). */
export const Is = keyword('Is', 'is');
/** The keyword `null` (any case). */
export const Null = keyword('Null', 'null');
/** The keyword `true` (any case). */
export const True = keyword('True', 'true');
/** The keyword `false` (any case). */
export const False = keyword('False', 'false');
/** The keyword `where` (any case). */
export const Where = keyword('Where', 'where');
/** The keyword `on` (any case). */
export const On = keyword('On', 'on');
/** The keyword `per` (any case). */
export const Per = keyword('Per', 'per');

/** `date`, a name unless a string follows it. */
export const DateWord = createToken({
  name: 'DateWord',
  pattern: /date/i,
  longer_alt: Identifier,
  categories: [Identifier],
  label: "'date'",
});

/** `as`, a name unless `at` follows it after an argument (`sum(amount as at end)`). */
export const AsWord = createToken({
  name: 'AsWord',
  pattern: /as/i,
  longer_alt: Identifier,
  categories: [Identifier],
  label: "'as'",
});

/** `day(s)`, `week(s)`, `month(s)`, `quarter(s)`, `year(s)`: a unit after a number, else a name. */
export const UnitWord = createToken({
  name: 'UnitWord',
  pattern: /(?:day|week|month|quarter|year)s?/i,
  longer_alt: Identifier,
  categories: [Identifier],
  label: 'unit',
});

const digits = String.raw`\d(?:_?\d)*`;
const numberBody = String.raw`${digits}(?:\.${digits})?(?:[eE][+-]?\d+)?`;

/** `15%`, `12.5%`. Listed before {@link NumberLiteral} so the `%` is taken with the digits. */
export const PercentLiteral = createToken({ name: 'PercentLiteral', pattern: new RegExp(`${numberBody}%`), label: 'percent' });
/** `42`, `1_000_000`, `0.25`, `1e6`. */
export const NumberLiteral = createToken({ name: 'NumberLiteral', pattern: new RegExp(numberBody), label: 'number' });

/** `'text'`, a quote inside written twice. */
export const StringLiteral = createToken({ name: 'StringLiteral', pattern: /'(?:[^']|'')*'/, label: 'string' });
/** A string whose closing quote is missing: reported, then parsed as a string to the end. */
export const UnterminatedString = createToken({
  name: 'UnterminatedString',
  pattern: /'(?:[^']|'')*/,
  categories: [StringLiteral],
  label: 'string',
});
/** `"text"`: a common slip (strings use single quotes), reported, then parsed as a string. */
export const DoubleQuotedString = createToken({
  name: 'DoubleQuotedString',
  pattern: /"[^"\r\n]*"?/,
  categories: [StringLiteral],
  label: 'string',
});

/**
 * Categories, so the grammar (and its diagrams) says "comparison", not six alternatives: any
 * comparison operator.
 */
export const ComparisonOperator = createToken({ name: 'ComparisonOperator', pattern: Lexer.NA, label: 'comparison' });
/** `+` or `-` (binary or sign). */
export const AdditiveOperator = createToken({ name: 'AdditiveOperator', pattern: Lexer.NA, label: "'+' | '-'" });
/** `*` or `/`. */
export const MultiplicativeOperator = createToken({ name: 'MultiplicativeOperator', pattern: Lexer.NA, label: "'*' | '/'" });

function operator(name: string, pattern: string | RegExp, category: TokenType, label: string): TokenType {
  return createToken({ name, pattern, categories: [category], label });
}

/** `<=`. */
const LessEqual = operator('LessEqual', '<=', ComparisonOperator, "'<='");
/** `>=`. */
const GreaterEqual = operator('GreaterEqual', '>=', ComparisonOperator, "'>='");
/** `!=` or `<>`. */
const NotEqual = operator('NotEqual', /!=|<>/, ComparisonOperator, "'!='");
/** `<`. */
export const Less = operator('Less', '<', ComparisonOperator, "'<'");
/** `>`. */
export const Greater = operator('Greater', '>', ComparisonOperator, "'>'");
/** `=`. */
export const Equal = operator('Equal', '=', ComparisonOperator, "'='");
/** `+`. */
export const Plus = operator('Plus', '+', AdditiveOperator, "'+'");
/** `-`. */
export const Minus = operator('Minus', '-', AdditiveOperator, "'-'");
/** `*`. */
const Star = operator('Star', '*', MultiplicativeOperator, "'*'");
/** `/`. */
const Slash = operator('Slash', '/', MultiplicativeOperator, "'/'");
/** `(`. */
export const LParen = createToken({ name: 'LParen', pattern: '(', label: "'('" });
/** `)`. */
export const RParen = createToken({ name: 'RParen', pattern: ')', label: "')'" });
/** `[`. */
export const LBracket = createToken({ name: 'LBracket', pattern: '[', label: "'['" });
/** `]`. */
export const RBracket = createToken({ name: 'RBracket', pattern: ']', label: "']'" });
/** `,`. */
export const Comma = createToken({ name: 'Comma', pattern: ',', label: "','" });
/** `.`. */
export const Dot = createToken({ name: 'Dot', pattern: '.', label: "'.'" });

const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /\s+/, group: Lexer.SKIPPED });
const Comment = createToken({ name: 'Comment', pattern: /#[^\r\n]*/, group: Lexer.SKIPPED });

/** Every token type, in lexer priority order (the parser's vocabulary). */
export const FORMULA_TOKENS: readonly TokenType[] = [
  WhiteSpace,
  Comment,
  PercentLiteral,
  NumberLiteral,
  StringLiteral,
  UnterminatedString,
  DoubleQuotedString,
  LessEqual,
  GreaterEqual,
  NotEqual,
  Less,
  Greater,
  Equal,
  Plus,
  Minus,
  Star,
  Slash,
  LParen,
  RParen,
  LBracket,
  RBracket,
  Comma,
  Dot,
  And,
  Or,
  Not,
  In,
  Between,
  Is,
  Null,
  True,
  False,
  Where,
  On,
  Per,
  DateWord,
  AsWord,
  UnitWord,
  Identifier,
  ComparisonOperator,
  AdditiveOperator,
  MultiplicativeOperator,
];

/** The comparison operators and the binary operator each stands for. */
export const COMPARISON_TOKENS: ReadonlyMap<TokenType, '=' | '!=' | '<' | '<=' | '>' | '>='> = new Map([
  [Equal, '='],
  [NotEqual, '!='],
  [Less, '<'],
  [LessEqual, '<='],
  [Greater, '>'],
  [GreaterEqual, '>='],
] as const);

/** Reserved words: they can never be names. */
export const KEYWORD_TOKENS: ReadonlySet<TokenType> = new Set([And, Or, Not, In, Between, Is, Null, True, False, Where, On, Per]);

/** Built once: chevrotain analyses the token set when the lexer is constructed. */
export const formulaLexer = new Lexer([...FORMULA_TOKENS], {
  positionTracking: 'onlyOffset',
  ensureOptimizations: true,
});
