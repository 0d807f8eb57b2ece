import * as fs from 'node:fs';
import * as vm from 'node:vm';

/** Microsoft's Office.js client library for Excel on the web, unmodified, as npm ships it. */
export const OFFICE_JS_FILE = require.resolve('@microsoft/office-js/dist/excel-web-16.00.debug.js');

/**
 * Loads the client library into this realm (Node scripts such as the benchmark). It must share the
 * caller's realm: it tests option objects by prototype, so a separate vm context fails. It expects a
 * browser's `window` and `navigator`, which Node lacks; both point at what Node has.
 */
export function loadOfficeJs(): void {
  const realm = globalThis as { window?: unknown; navigator?: unknown; OfficeExtension?: unknown };
  if (realm.OfficeExtension !== undefined) return;
  realm.window ??= globalThis;
  realm.navigator ??= { userAgent: `Node.js ${process.version}` };
  vm.runInThisContext(fs.readFileSync(OFFICE_JS_FILE, 'utf8'), { filename: OFFICE_JS_FILE });
}
