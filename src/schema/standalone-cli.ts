/**
 * Writes src/schema/generated/validators.ts (`npm run schema`). A development script, run from the
 * built package: dist/schema/standalone-cli.js → ../../src/schema/generated/.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generateValidatorsSource } from './standalone.js';

const target = fileURLToPath(new URL('../../src/schema/generated/validators.ts', import.meta.url));
writeFileSync(target, generateValidatorsSource());
process.stdout.write(`wrote ${target}\n`);
