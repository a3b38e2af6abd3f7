// Lint rules that encode the architecture (docs/architecture.md): core stays free of the worker and
// the UI, the UI talks to the worker only through the protocol's types.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'dist-cli/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-properties': ['error', { object: 'Math', property: 'random', message: 'use the seeded RNG in src/core/rng.ts' }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/worker/**', '**/ui/**', '**/cli/**', 'react', 'react-dom', 'recharts'], message: 'src/core must not depend on the worker, the UI, the CLI or React.' },
          { group: ['@tensorflow/tfjs-backend-*'], message: 'core is backend-agnostic: backends are registered by the worker, the CLI or the tests.' },
        ],
      }],
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/core/tf', '@tensorflow/*'], message: 'no tensor code in the UI: it runs in the worker.' },
          { group: ['**/worker/*', '!**/worker/protocol'], allowTypeImports: false, message: 'the UI talks to the worker only through worker/protocol.ts.' },
        ],
      }],
    },
  },
);
