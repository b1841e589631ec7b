import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test/**/fixtures/**', 'examples/**', 'tmp/**', 'bench/.peers/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      // Output must be byte-identical on every machine; locale-aware ordering is not.
      'no-restricted-syntax': ['error', { selector: "CallExpression[callee.property.name='localeCompare']", message: 'use byCodeUnit from src/util/compare.ts: localeCompare depends on the machine locale' }],
    },
  },
);
