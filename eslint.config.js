// @ts-check
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');

/** Node built-ins, file libraries and Office.js: none of them may reach the pure core. */
const NODE_BUILTINS = ['fs', 'path', 'os', 'util', 'child_process', 'crypto', 'http', 'https', 'net', 'stream', 'url', 'zlib', 'worker_threads'];
const CORE_FORBIDDEN_MODULES = [
  ...NODE_BUILTINS,
  ...NODE_BUILTINS.map((name) => `node:${name}`),
  'exceljs', 'hyperformula', 'react', 'react-dom', '@fluentui/*', 'playwright-core',
];
const CORE_FORBIDDEN_GLOBALS = ['Office', 'Excel', 'OfficeExtension', 'document', 'window', 'navigator', 'localStorage', 'fetch', 'process', 'require', '__dirname', 'Buffer', 'console'];

/** src/core's rules for files at one depth: `outside` matches the relative imports that leave src/core from there. */
function coreRules(files, outside) {
  return {
    files,
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: CORE_FORBIDDEN_MODULES, message: 'src/core is pure: no Node built-ins, file libraries, DOM or Office.js.' },
          { group: outside, message: 'src/core may only import from src/core.' },
        ],
      }],
      'no-restricted-globals': ['error', ...CORE_FORBIDDEN_GLOBALS.map((name) => ({ name, message: 'src/core is pure: no host globals.' }))],
    },
  };
}

module.exports = tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test-artifacts/**', '*.config.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[property.name=/^(innerHTML|outerHTML)$/]", message: 'Render workbook text with textContent, never innerHTML.' },
        { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'Render workbook text with textContent, never as HTML.' },
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Render workbook text as React text, never as HTML.' },
      ],
    },
  },
  // The core's files sit in src/core or one folder below it; an import climbing out of src/core is refused.
  coreRules(['src/core/*.ts'], ['../*']),
  coreRules(['src/core/*/*.ts'], ['../../*']),
  {
    files: ['**/*.ts', '**/*.tsx'],
    ignores: ['src/core/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['**/core/*'], message: 'Import the core through its index (src/core/index.ts), never a file inside it.' }],
      }],
    },
  },
  {
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: ['src/excel/**', 'src/simulator/**', 'src/core/**'],
    rules: {
      'no-restricted-globals': ['error', { name: 'Excel', message: 'Only src/excel speaks Office.js.' }],
    },
  },
);
