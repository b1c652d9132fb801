// @ts-check
const eslint = require('@eslint/js');
const tseslint = require('typescript-eslint');

module.exports = tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      '.data/',
      'client-codegen/generated/',
      'coverage/',
      'bench/results/',
      'server/routes/ide/public/build/',
      'server/routes/board/public/build/',
    ],
  },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // PostGIS is spoken in one room: db/spatial/ (and the migrations, which create what it reads).
    files: ['server/**/*.ts', 'schema/**/*.ts', 'db/**/*.ts', 'scripts/**/*.ts'],
    ignores: ['db/spatial/**', 'db/migrations/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...['Literal[value=/\\bST_\\w+\\s*\\(/i]', 'TemplateElement[value.raw=/\\bST_\\w+\\s*\\(/i]'].map((selector) => ({
          selector,
          message: 'PostGIS functions belong in db/spatial/: write the SQL there and call it from here.',
        })),
      ],
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    files: ['server/routes/board/public/**/*.js'],
    languageOptions: {
      sourceType: 'module',
      globals: Object.fromEntries(
        [
          'window',
          'document',
          'location',
          'history',
          'sessionStorage',
          'localStorage',
          'fetch',
          'URLSearchParams',
          'setTimeout',
          'clearTimeout',
          'setInterval',
          'ResizeObserver',
          'console',
        ].map((name) => [name, 'readonly']),
      ),
    },
  },
  {
    files: ['server/routes/ide/browser/**/*.js'],
    languageOptions: {
      sourceType: 'module',
      globals: Object.fromEntries(
        ['document', 'location', 'history', 'fetch', 'URLSearchParams', 'requestAnimationFrame'].map((name) => [name, 'readonly']),
      ),
    },
  },
  {
    files: ['**/*.js'],
    languageOptions: {
      globals: { require: 'readonly', module: 'writable', __dirname: 'readonly', process: 'readonly', console: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
