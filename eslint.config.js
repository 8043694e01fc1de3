// ESLint (flat config): typescript-eslint's type-aware recommended rules over the TypeScript of
// src/, generator/, test/ and scripts/, plus the rules that keep promises awaited, switches
// exhaustive and no code unused. The JavaScript of bench/ and bin/ gets the untyped rules (it is
// typechecked by bench/tsconfig.json).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'build/', 'docs/api/', 'coverage/', 'bench/out/', 'src/schema/generated/', 'node_modules/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { project: ['./tsconfig.json'], tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Result rows of DuckDB are typed `Value` (which includes lists and structs); the columns
      // turned into text are scalars by the SQL that selects them.
      '@typescript-eslint/no-base-to-string': 'off',
      // Plain-function interfaces (a `Dialect`) are destructured by design; the code has no
      // classes of its own whose methods could lose `this`.
      '@typescript-eslint/unbound-method': 'off',
      // Control characters are matched on purpose: they are escaped before reaching a terminal.
      'no-control-regex': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: { process: 'readonly', console: 'readonly', performance: 'readonly', URL: 'readonly' },
    },
  },
);
