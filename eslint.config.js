// Lint rules, including the import boundaries of the house (DESIGN.md, STYLE.md).
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const noDefaultOrStarExports = [
  'error',
  {
    selector: 'ExportDefaultDeclaration',
    message: 'Use named exports: they keep names searchable and refactors safe.',
  },
  {
    selector: 'ExportAllDeclaration',
    message: 'No `export *`: re-export by name so every import says where a thing lives.',
  },
];

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      'data/**',
      'test-results/**',
      'playwright-report/**',
      'server/db/migrations/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      'no-restricted-syntax': noDefaultOrStarExports,
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // Tool entry points that must default-export by the tool's own contract.
    files: ['*.config.{js,ts}', 'eslint.config.js', 'e2e/support/global-*.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['public/**/*.js'],
    languageOptions: { globals: { ...globals.serviceworker } },
  },
  {
    files: ['web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/server/**', 'node:*'],
              message:
                'The web app runs in the browser: share code through common/, never import the server.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['common/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/server/**', '**/web/**'],
              message: 'common/ is the contract both sides share, so it imports neither of them.',
            },
            {
              group: ['node:*', 'react', 'react-dom', 'react/*'],
              message:
                'common/ runs in Node and in the browser: no Node built-ins, no DOM, no React.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['server/**/*.ts'],
    ignores: ['server/features/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/web/**'],
              message: 'The server never imports the browser app; share code through common/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['server/features/**/*.ts', 'server/collab/**/*.ts', 'server/activities/**/*.ts'],
    ignores: [
      'server/{features,collab,activities}/**/*.repo.ts',
      'server/{features,collab,activities}/**/*.test.ts',
      // Test support that sets up rows directly, like server/testing/harness.ts.
      'server/collab/collab.testing.ts',
      'server/features/reports/reports.testing.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/web/**'],
              message: 'The server never imports the browser app; share code through common/.',
            },
            {
              group: ['**/db/client.ts', '**/db/schema.ts', 'drizzle-orm', 'drizzle-orm/*', 'pg'],
              // Services may name the Db type to pass it on; only repos may query.
              allowTypeImports: true,
              message:
                "Only a feature's repo touches the database: move this query into <feature>.repo.ts.",
            },
          ],
        },
      ],
    },
  },
);
