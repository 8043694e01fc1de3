/**
 * Module hooks that let Node run the repository's TypeScript directly (for scripts/, never for
 * the package): `.ts` files are transpiled on load with the project's TypeScript (types are
 * stripped, not checked: `npm run typecheck` does that), and an import of `./x.js` finds `./x.ts`
 * when there is no `x.js`, as under tsc's NodeNext resolution. Registered by register-ts.js.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** @type {import('node:module').ResolveHook} */
export async function resolve(specifier, context, nextResolve) {
  try {
    return await nextResolve(specifier, context);
  } catch (error) {
    const fromFile = context.parentURL?.startsWith('file:') ?? false;
    if (!fromFile || !specifier.startsWith('.') || !specifier.endsWith('.js')) throw error;
    return nextResolve(`${specifier.slice(0, -'.js'.length)}.ts`, context);
  }
}

/** @type {import('node:module').LoadHook} */
export async function load(url, context, nextLoad) {
  if (!url.startsWith('file:') || !url.endsWith('.ts')) return nextLoad(url, context);
  const file = fileURLToPath(url);
  const source = await readFile(file, 'utf8');
  const { outputText } = ts.transpileModule(source, {
    fileName: file,
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true, sourceMap: false },
  });
  return { format: 'module', source: outputText, shortCircuit: true };
}
