// Lint rules that encode the architecture (docs/architecture.md): core imports only core; the UI talks
// to the worker only through the protocol's types and never imports the CLI; storage imports
// neither the UI nor the worker. src/lintBoundaries.test.ts checks that a wrong-way import fails.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'dist-cli/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'use the seeded RNG in src/core/rng.ts' },
      ],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/worker/**',
                '**/ui/**',
                '**/cli/**',
                '**/storage/**',
                '**/bench/**',
                '**/backends/**',
                '**/test/**',
                'react',
                'react-dom',
                'recharts',
                'node:*',
              ],
              message:
                'src/core imports only src/core (and the raw text of templates/): not the worker, the UI, the CLI, storage, the bench, Node or React.',
            },
            {
              group: ['@tensorflow/tfjs-backend-*'],
              message: 'core is backend-agnostic: backends are registered by the worker, the CLI or the tests.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/core/tf', '@tensorflow/*'], message: 'no tensor code in the UI: it runs in the worker.' },
            {
              group: ['**/worker/*', '!**/worker/protocol'],
              allowTypeImports: false,
              message: 'the UI talks to the worker only through worker/protocol.ts.',
            },
            {
              group: ['**/cli/**'],
              message: 'the UI must not import the Node runner (src/cli): shared types and logic live in src/core.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/storage/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/ui/**', '**/worker/**', '**/cli/**'],
              message: 'src/storage takes plain types from src/core: it must not import the UI, the worker or the CLI.',
            },
          ],
        },
      ],
    },
  },
);
