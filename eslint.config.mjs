// Flat ESLint config: typescript-eslint with type information, so that
// no-floating-promises can see which calls return promises.
//   *.ts  (src/, test/, scripts/): the type-checked recommended rules, types from tsconfig.json.
//   *.mjs (scripts/, this file):   the same rules, types from tsconfig.scripts.json (allowJs,
//                                  nothing emitted), less the no-unsafe-* family (see below).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// What the .mjs scripts use of Node's globals (no-undef checks them: nothing type-checks plain JS).
const NODE_GLOBALS = Object.fromEntries(
  ['process', 'console', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'URL', 'Buffer', 'fetch'].map((g) => [g, 'readonly']),
);

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test/fixtures/**', '.vscode-test/**'] },
  js.configs.recommended,
  {
    files: ['**/*.ts'],
    extends: [...tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { project: './tsconfig.json', tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'smart'],
      // Off: recommendedTypeChecked rules whose few findings are deliberate or in test helpers
      // (the counts when they were turned on). Fix those and delete the line.
      '@typescript-eslint/no-unnecessary-type-assertion': 'off', // 5: assertions that change no type
      '@typescript-eslint/no-base-to-string': 'off', // 3: a label or node that may print "[object Object]"
      '@typescript-eslint/no-unsafe-member-access': 'off', // 2: packageJSON (any) read in tests
      '@typescript-eslint/no-unsafe-return': 'off', // 2: an `any` returned from a task definition / a test helper
      '@typescript-eslint/require-await': 'off', // 1: an async callback without await
    },
  },
  {
    files: ['**/*.mjs'],
    extends: [...tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      sourceType: 'module',
      globals: NODE_GLOBALS,
      parserOptions: { project: './tsconfig.scripts.json', tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // typescript-eslint turns no-undef off (TypeScript reports it), but plain JS is not type-checked here.
      'no-undef': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'smart'],
      // Without type annotations every value from JSON, child processes or untyped packages is
      // `any` in JS: these would flag most lines (about 375 findings), not mistakes.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
    },
  },
);
