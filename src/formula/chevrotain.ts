/**
 * chevrotain, loaded from the single-file build the package ships (`lib/chevrotain.mjs`). The
 * package's entry point imports lodash-es as hundreds of separate modules, which costs about
 * 0.3 s at every start of `kpic`; the bundled build has the same exports and loads in ~0.02 s.
 * The bundle is not in the package's export map, so it is found next to the resolved entry; if
 * it is ever missing, the regular entry point is used.
 */
import type * as Chevrotain from 'chevrotain';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

async function load(): Promise<typeof Chevrotain> {
  try {
    // <package>/lib/src/api.js → <package>/lib/chevrotain.mjs
    const entry = fileURLToPath(import.meta.resolve('chevrotain'));
    const bundle = path.join(path.dirname(entry), '..', 'chevrotain.mjs');
    if (existsSync(bundle)) return (await import(pathToFileURL(bundle).href)) as typeof Chevrotain;
  } catch {
    // import.meta.resolve unavailable (some test runners): the regular entry point works too.
  }
  return import('chevrotain');
}

const chevrotain = await load();

export const { EmbeddedActionsParser, tokenMatcher, createToken, Lexer, EOF, createSyntaxDiagramsCode } = chevrotain;
export type { IToken, TokenType, ParserMethod } from 'chevrotain';
