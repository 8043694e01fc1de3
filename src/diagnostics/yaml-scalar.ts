/**
 * Text as it must be written as a YAML value to read back as that same string, for hints a user
 * pastes into a catalog file (`to: deals`, `from: "Close: Date"`, `file: "#1.csv"`).
 */

/** Plain text that reads as a string everywhere: a letter, `_` or `/` first, then no indicator. */
const PLAIN = /^[A-Za-z_/][A-Za-z0-9_ ./()+-]*$/;

/**
 * Words that plain YAML reads as something other than a string: null and the booleans of YAML
 * 1.2 (what kpic reads), and the booleans of YAML 1.1 (yes, no, on, off, y, n) that other tools
 * reading the same files still use.
 */
const RESERVED = new Set(['null', 'true', 'false', 'yes', 'no', 'on', 'off', 'y', 'n']);

/** Characters YAML does not allow raw in a double-quoted scalar, beyond those JSON escapes. */
const NOT_PRINTABLE = /[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g;

/**
 * `text` as a YAML scalar that reads back as the string `text`, in block and flow context alike:
 * plain when that is safe (`Close Date`, `data/deals.csv`), otherwise double-quoted with escapes
 * (`"#id"`, `"Amount: USD"`, `"yes"`, `"null"`, `"2024"`, `" padded"`).
 */
export function yamlScalar(text: string): string {
  const plain = PLAIN.test(text) && !text.endsWith(' ') && !RESERVED.has(text.toLowerCase());
  return plain ? text : yamlQuoted(text);
}

/** `text` as a double-quoted YAML scalar (`"Close Date"`, `"say \"hi\""`), always quoted. */
export function yamlQuoted(text: string): string {
  return JSON.stringify(text).replace(NOT_PRINTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
