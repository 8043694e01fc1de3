/**
 * `node --import ./scripts/register-ts.js script.ts`: runs a repository script written in
 * TypeScript (see ts-hooks.js).
 */
import { register } from 'node:module';

register('./ts-hooks.js', import.meta.url);
