/**
 * Terminal styling. Colours are used only when the stream is a terminal and `NO_COLOR` is unset
 * or empty (https://no-color.org); otherwise every style is the identity, so captured output and
 * files never hold escape codes.
 */

/** The styles the renderers use, each a function from text to styled text. */
export interface Style {
  readonly bold: (text: string) => string;
  readonly dim: (text: string) => string;
  readonly red: (text: string) => string;
  readonly yellow: (text: string) => string;
  readonly green: (text: string) => string;
  readonly blue: (text: string) => string;
  readonly cyan: (text: string) => string;
}

const same = (text: string): string => text;

/** No styling at all. */
export const PLAIN: Style = { bold: same, dim: same, red: same, yellow: same, green: same, blue: same, cyan: same };

function sgr(open: number, close: number): (text: string) => string {
  return (text) => (text === '' ? text : `\u001b[${open}m${text}\u001b[${close}m`);
}

/** ANSI colours. */
export const ANSI: Style = {
  bold: sgr(1, 22),
  dim: sgr(2, 22),
  red: sgr(31, 39),
  yellow: sgr(33, 39),
  green: sgr(32, 39),
  blue: sgr(34, 39),
  cyan: sgr(36, 39),
};

/** Whether to colour output written to a stream. */
export function wantsColor(isTTY: boolean | undefined, env: Readonly<Record<string, string | undefined>>): boolean {
  const noColor = env['NO_COLOR'];
  return isTTY === true && (noColor === undefined || noColor === '');
}

/** {@link ANSI} or {@link PLAIN}. */
export function styleFor(color: boolean): Style {
  return color ? ANSI : PLAIN;
}
