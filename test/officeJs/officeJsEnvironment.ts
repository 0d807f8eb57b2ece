// The Jest environment of the adapter's tests: Node's, with Microsoft's Office.js client library loaded
// unmodified into the test's own realm (its vm context), where the tests' objects are made. Jest runs each
// test file in a context of its own, so vm.runInThisContext would load it into the wrong realm; the
// library checks option objects by prototype and would refuse the tests' ones.
//   testEnvironmentOptions.excelApi  the ExcelApi version the simulated host implements in this project
import * as fs from 'node:fs';
import * as vm from 'node:vm';
import { TestEnvironment } from 'jest-environment-node';

const OFFICE_JS_FILE = require.resolve('@microsoft/office-js/dist/excel-web-16.00.debug.js');
/** Compiled once per worker, run once per test file (about 35 ms). */
let compiled: vm.Script | undefined;

export default class OfficeJsEnvironment extends TestEnvironment {
  private readonly excelApi: unknown;

  constructor(...[config, context]: ConstructorParameters<typeof TestEnvironment>) {
    super(config, context);
    this.excelApi = config.projectConfig.testEnvironmentOptions?.excelApi;
  }

  override async setup(): Promise<void> {
    await super.setup();
    const realm = this.global as unknown as Record<string, unknown>;
    // The library expects a browser's window and navigator; both point at what Node has.
    realm.window = realm;
    realm.navigator ??= { userAgent: `Node.js ${process.version}` };
    compiled ??= new vm.Script(fs.readFileSync(OFFICE_JS_FILE, 'utf8'), { filename: OFFICE_JS_FILE });
    compiled.runInContext(this.getVmContext() as vm.Context);
    realm.excelSimulatorDefaults = { excelApi: this.excelApi };
  }
}
