import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', '.data/', '.tools/', 'test-results/'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // A forgotten await in a workflow or an activity is a bug that only shows under load.
      '@typescript-eslint/no-floating-promises': 'error',
      // Leaving a field out of an object by destructuring (`const { secret, ...rest } = row`) is not an unused variable.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    // Workflow code must be deterministic: no Node built-ins, no outside modules but Temporal's workflow API.
    files: ['workflows/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: builtinModules
            .flatMap((m) => [m, `node:${m}`])
            .map((name) => ({ name, message: 'Workflows run in a deterministic sandbox: no Node built-ins.' })),
          patterns: [
            {
              regex: '^(?!@temporalio/workflow$|\\.)',
              message: 'Workflows import only @temporalio/workflow, types, and pure project modules.',
              allowTypeImports: true,
            },
            {
              group: ['**/db/*', '**/activities/*', '**/web/*', '**/emails/*', '**/dev/*'],
              message: 'Workflows reach the outside world only through activities.',
              allowTypeImports: true,
            },
            {
              group: ['**/client.js', '**/client-calls.js'],
              message: 'A workflow client runs in the app: workflows tell each other with getExternalWorkflowHandle.',
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
  {
    // Each workflow's client sits beside its contract but runs in the app (never bundled: test/workflows/bundle.test.ts).
    files: ['workflows/client-calls.ts', 'workflows/*/client.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/db/*', '**/activities/*', '**/web/*', '**/emails/*', '**/dev/*'],
              message: 'A workflow client speaks to Temporal only; the app gives it what it needs.',
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
);
