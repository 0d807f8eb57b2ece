// One configuration, split into projects so a quick loop can run part of it:
//   npm test                 every project (the README's test command and CI's)
//   npm run test:unit        core, xlsx, CLI, adapter, simulator and workbench-logic tests
//   npm run test:properties  property tests against slow oracles, and tests on workbooks of thousands of rows
//   npm run test:addin       manifest, lint rules, production build
//   npm run test:browser     the workbench in headless Chromium (TEST_CHROMIUM chooses which)
const transform = {
  // Type errors are caught by `npm run lint` (tsc); transpiling alone keeps the tests fast.
  '^.+\\.tsx?$': ['ts-jest', { diagnostics: false }],
};

/** Tests on generated workbooks of thousands of rows: in the properties project, out of the quick loop. */
const LARGE = ['test/excel/scale.test.ts', 'test/cli/largeWorkbook.test.ts'];
const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function project(displayName, testMatch, testPathIgnorePatterns = []) {
  return { displayName, testEnvironment: 'node', rootDir: __dirname, testMatch, testPathIgnorePatterns, transform };
}

/** @type {import('jest').Config} */
module.exports = {
  testTimeout: 60000,
  projects: [
    project('unit', ['<rootDir>/src/**/*.test.ts', '<rootDir>/test/cli/**/*.test.ts', '<rootDir>/test/excel/**/*.test.ts', '<rootDir>/test/docs/**/*.test.ts'], LARGE.map((file) => `/${escapeRegExp(file)}$`)),
    project('properties', ['<rootDir>/test/properties/**/*.test.ts', '<rootDir>/test/xlsx/**/*.test.ts', '<rootDir>/test/bench/**/*.test.ts', ...LARGE.map((file) => `<rootDir>/${file}`)]),
    project('addin', ['<rootDir>/test/addin/**/*.test.ts']),
    project('browser', ['<rootDir>/test/browser/**/*.test.ts']),
  ],
};
