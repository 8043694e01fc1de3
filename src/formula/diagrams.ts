/**
 * Railroad (syntax) diagrams of the formula grammar, generated from the parser itself so they
 * cannot drift from it. grammar/formula-diagrams.html is this output, committed; a test fails
 * when it is stale (regenerate with `npm run diagrams`).
 */
import { createSyntaxDiagramsCode } from './chevrotain.js';
import { formulaParser } from './parse.js';

/** The HTML page with one diagram per grammar rule. */
export function renderSyntaxDiagrams(): string {
  return createSyntaxDiagramsCode(formulaParser().getSerializedGastProductions());
}
