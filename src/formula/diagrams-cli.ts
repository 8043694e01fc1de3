/**
 * Writes grammar/formula-diagrams.html (`npm run diagrams`). A development script, run from the
 * built package: dist/formula/diagrams-cli.js → ../../grammar/.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderSyntaxDiagrams } from './diagrams.js';

const target = fileURLToPath(new URL('../../grammar/formula-diagrams.html', import.meta.url));
writeFileSync(target, renderSyntaxDiagrams());
process.stdout.write(`wrote ${target}\n`);
