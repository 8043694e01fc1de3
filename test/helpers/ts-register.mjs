// `node --import ./test/helpers/ts-register.mjs child.ts`: runs kpic's TypeScript in a child process.
import { register } from 'node:module';

register('./ts-hooks.mjs', import.meta.url);
