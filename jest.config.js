// One configuration, split into projects so a quick loop can run part of it:
//   npm test                 every project (the README's test command and CI's)
//   npm run test:unit        core, xlsx, CLI, adapter, simulator and workbench-logic tests
//   npm run test:properties  property tests against slow oracles, and tests on workbooks of thousands of rows
//   npm run test:addin       manifest, lint rules, production build
//   npm run test:browser     the workbench in headless Chromium (TEST_CHROMIUM chooses which)
// Tests that drive Office.js run on Microsoft's client library against the simulated Excel host: all of
// them at the ExcelApi version manifest.xml declares (in `unit` and `properties`), and the add-in's own
// again at the newest one the host implements (in `unit:newest-ExcelApi` and `properties:newest-ExcelApi`).
const fs = require('node:fs');
const path = require('node:path');

const transform = {
  // Type errors are caught by `npm run lint` (tsc); transpiling alone keeps the tests fast.
  '^.+\\.tsx?$': ['ts-jest', { diagnostics: false }],
};

/** Tests on generated workbooks of thousands of rows: in the properties project, out of the quick loop. */
const LARGE = ['test/excel/scale.test.ts', 'test/cli/largeWorkbook.test.ts'];
/** Tests that run Office.js: the adapter, the simulated host, the ribbon function, the workbench's saving. */
const OFFICE_JS = ['src/simulator/**/*.test.ts', 'src/commands/**/*.test.ts', 'src/workbench/simulatorToXlsx.test.ts', 'test/excel/**/*.test.ts'];
/** The add-in's own tests, run again at the newest ExcelApi (the host's tests choose their versions themselves). */
const ADAPTER = ['src/commands/**/*.test.ts', 'test/excel/**/*.test.ts'];
const OFFICE_JS_PROPERTIES = ['test/properties/nothingLost.test.ts', 'test/excel/scale.test.ts'];
/** Run again at the newest ExcelApi: the property test (the scale tests' limits do not depend on the version). */
const ADAPTER_PROPERTIES = ['test/properties/nothingLost.test.ts'];
const OFFICE_JS_ENVIRONMENT = '<rootDir>/test/officeJs/officeJsEnvironment.ts';
const DECLARED_EXCEL_API = /<Set Name="ExcelApi" MinVersion="([\d.]+)"\/>/.exec(fs.readFileSync(path.join(__dirname, 'manifest.xml'), 'utf8'))[1];

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const at = (files) => files.map((file) => `<rootDir>/${file}`);
const ignored = (files) => files.map((file) => `/${escapeRegExp(file)}$`);

function project(displayName, testMatch, testPathIgnorePatterns = [], environment = {}) {
  return { displayName, testEnvironment: 'node', rootDir: __dirname, testMatch, testPathIgnorePatterns, transform, ...environment };
}

/** The Office.js environment, its host at one ExcelApi version (undefined: the newest). */
const officeJs = (excelApi) => ({ testEnvironment: OFFICE_JS_ENVIRONMENT, testEnvironmentOptions: { excelApi } });

const UNIT = ['<rootDir>/src/**/*.test.ts', '<rootDir>/test/cli/**/*.test.ts', '<rootDir>/test/excel/**/*.test.ts', '<rootDir>/test/docs/**/*.test.ts'];
/** Files of the unit project that do not run Office.js, as ignore patterns of the Office.js ones. */
const NOT_OFFICE_JS = ['/src/simulator/', '/src/commands/', '/test/excel/', '/src/workbench/simulatorToXlsx\\.test\\.ts$'];

/** @type {import('jest').Config} */
module.exports = {
  testTimeout: 60000,
  projects: [
    project('unit', UNIT, [...ignored(LARGE), ...NOT_OFFICE_JS]),
    project('unit', at(OFFICE_JS), ignored(LARGE), officeJs(DECLARED_EXCEL_API)),
    project('unit:newest-ExcelApi', at(ADAPTER), ignored(LARGE), officeJs(undefined)),
    project('properties', ['<rootDir>/test/properties/**/*.test.ts', '<rootDir>/test/xlsx/**/*.test.ts', '<rootDir>/test/bench/**/*.test.ts', ...at(LARGE)], ignored(OFFICE_JS_PROPERTIES)),
    project('properties', at(OFFICE_JS_PROPERTIES), [], officeJs(DECLARED_EXCEL_API)),
    project('properties:newest-ExcelApi', at(ADAPTER_PROPERTIES), [], officeJs(undefined)),
    project('addin', ['<rootDir>/test/addin/**/*.test.ts']),
    project('browser', ['<rootDir>/test/browser/**/*.test.ts']),
  ],
};
