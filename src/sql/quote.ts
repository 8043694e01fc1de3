/**
 * The only two ways user text enters generated SQL: as a quoted identifier or as a string
 * literal. Both turn any string (quotes, SQL keywords, unicode) into one inert token, so callers
 * never validate before quoting.
 */

/**
 * A double-quoted SQL identifier: `amount` → `"amount"`, `Close "Date"` → `"Close ""Date"""`.
 * Always quotes, so reserved words and letter case are preserved and nothing reads as syntax.
 * @throws Error for a name containing NUL, which no SQL identifier can hold (catalog ids cannot
 *   contain it; a caller passing one has a bug).
 */
export function quoteIdentifier(name: string): string {
  if (name.includes('\u0000')) throw new Error('an SQL identifier cannot contain NUL');
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * A single-quoted SQL string literal: `Closed Won` → `'Closed Won'`, `it's` → `'it''s'`.
 * Backslashes are not special in DuckDB (or standard SQL) literals, so doubling the single quote
 * is the whole escape. A NUL character, which the SQL parser would cut the text at, is spliced in
 * with `chr(0)` so the value stays exact: `a␀b` → `('a' || chr(0) || 'b')`.
 */
export function stringLiteral(text: string): string {
  const quoted = (part: string): string => `'${part.replaceAll("'", "''")}'`;
  if (!text.includes('\u0000')) return quoted(text);
  return `(${text.split('\u0000').map(quoted).join(' || chr(0) || ')})`;
}
