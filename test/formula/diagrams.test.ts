import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderSyntaxDiagrams } from '../../src/formula/diagrams.js';
import { formulaParser } from '../../src/formula/parse.js';

const grammarFile = (name: string): string => fileURLToPath(new URL(`../../grammar/${name}`, import.meta.url));

describe('grammar files', () => {
  it('grammar/formula-diagrams.html is up to date with the parser', () => {
    const committed = readFileSync(grammarFile('formula-diagrams.html'), 'utf8');
    const fresh = renderSyntaxDiagrams();
    if (committed !== fresh) {
      expect.fail('grammar/formula-diagrams.html is stale: run `npm run diagrams` and commit the result');
    }
    for (const rule of ['expression', 'comparison', 'argument', 'reference']) expect(fresh).toContain(`"name": "${rule}"`);
  });

  it('grammar/formula.ebnf names exactly the rules of the parser', () => {
    const ebnf = readFileSync(grammarFile('formula.ebnf'), 'utf8');
    const ebnfRules = [...ebnf.matchAll(/^([a-z][A-Za-z]*)\s+::=/gm)].map((m) => m[1]);
    const parserRules = Object.keys(formulaParser().getGAstProductions());
    expect([...ebnfRules].sort()).toEqual([...parserRules].sort());
  });

  it('grammar/formula.ebnf mentions every keyword the lexer knows', () => {
    const ebnf = readFileSync(grammarFile('formula.ebnf'), 'utf8');
    for (const word of ['and', 'or', 'not', 'in', 'between', 'is', 'null', 'true', 'false', 'where', 'on', 'per', 'date']) {
      expect(ebnf).toContain(`'${word}'`);
    }
  });
});
