import * as path from 'node:path';
import { ESLint } from 'eslint';

const ROOT = path.join(__dirname, '..', '..');
// The project's own config, passed in: ESLint's loader would import it dynamically, which Jest's CommonJS cannot.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const eslint = new ESLint({ cwd: ROOT, overrideConfigFile: true, overrideConfig: require(path.join(ROOT, 'eslint.config.js')) });

/** The rule ids ESLint reports for `code` as if it were the file at `file`. */
async function violations(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return result.messages.map((message) => `${message.ruleId}: ${message.message}`);
}

describe('the lint rules that keep the layers and the pane safe', () => {
  it('let src/core import only src/core', async () => {
    expect(await violations('src/core/zz.ts', "import { x } from './snapshot';\nexport const y = x;\n")).toEqual([]);
    expect(await violations('src/core/zz.ts', "import * as fs from 'node:fs';\nexport const y = fs;\n")).toEqual([expect.stringMatching(/^no-restricted-imports: .*src\/core is pure/)]);
    expect(await violations('src/core/zz.ts', "import ExcelJS from 'exceljs';\nexport const y = ExcelJS;\n")).toEqual([expect.stringMatching(/^no-restricted-imports/)]);
    expect(await violations('src/core/zz.ts', "import { x } from '../excel/readWorkbook';\nexport const y = x;\n")).toEqual([expect.stringMatching(/^no-restricted-imports/)]);
    expect(await violations('src/core/model/zz.ts', "import { x } from '../catalog/catalog';\nexport const y = x;\n")).toEqual([]);
    expect(await violations('src/core/model/zz.ts', "import { x } from '../../excel/readWorkbook';\nexport const y = x;\n")).toEqual([expect.stringMatching(/^no-restricted-imports: .*only import from src\/core/)]);
    expect(await violations('src/core/model/zz.ts', "import * as fs from 'node:fs';\nexport const y = fs;\n")).toEqual([expect.stringMatching(/^no-restricted-imports: .*src\/core is pure/)]);
  });

  it('let every other layer reach the core only through its index', async () => {
    expect(await violations('src/excel/zz.ts', "import { x } from '../core';\nexport const y = x;\n")).toEqual([]);
    for (const [file, from] of [['src/excel/zz.ts', '../core/snapshot'], ['src/taskpane/zz.tsx', '../core/checkWorkbook'], ['test/cli/zz.ts', '../../src/core/issue']]) {
      expect(await violations(file, `import { x } from '${from}';\nexport const y = x;\n`)).toEqual([expect.stringMatching(/^no-restricted-imports: .*through its index/)]);
    }
  });

  it('keep Office.js, the DOM and Node globals out of src/core', async () => {
    for (const global of ['Excel.run', 'Office.context', 'document.title', 'window.name', 'process.env', 'console.log']) {
      expect(await violations('src/core/zz.ts', `export const y = () => ${global};\n`)).toEqual([expect.stringMatching(/^no-restricted-globals: .*src\/core is pure/)]);
      expect(await violations('src/core/conflicts/zz.ts', `export const y = () => ${global};\n`)).toEqual([expect.stringMatching(/^no-restricted-globals: .*src\/core is pure/)]);
    }
  });

  it('keep the Excel API inside src/excel', async () => {
    expect(await violations('src/excel/zz.ts', 'export const y = () => Excel.run;\n')).toEqual([]);
    expect(await violations('src/taskpane/zz.ts', 'export const y = () => Excel.run;\n')).toEqual([expect.stringMatching(/^no-restricted-globals: .*Only src\/excel speaks Office\.js/)]);
  });

  it('forbid rendering text as HTML anywhere', async () => {
    expect(await violations('src/taskpane/zz.tsx', "export const A = () => <div dangerouslySetInnerHTML={{ __html: 'x' }} />;\n")).toEqual([expect.stringMatching(/^no-restricted-syntax/)]);
    expect(await violations('src/workbench/zz.ts', "export function b(e: HTMLElement) { e.innerHTML = 'x'; }\n")).toEqual([expect.stringMatching(/^no-restricted-syntax/)]);
    expect(await violations('src/workbench/zz.ts', "export function b(e: HTMLElement) { e.insertAdjacentHTML('beforeend', 'x'); }\n")).toEqual([expect.stringMatching(/^no-restricted-syntax/)]);
  });
});
