import * as path from 'node:path';
import * as fs from 'node:fs';
import ts from 'typescript';

const ROOT = path.join(__dirname, '..', '..');
const ADAPTER_DIR = path.join(ROOT, 'src', 'excel');
const MANIFEST = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');

/** Members newer than the manifest's minimum that the adapter reads only when present. */
const FEATURE_DETECTED = new Map([
  ['WorksheetChangedEventArgs.triggerSource', 'absent on older builds; the add-in then also re-checks after its own writes, which changes nothing'],
  ['RunOptions.delayForCellEdit', 'an option older builds ignore'],
  ['RangeAreas.select', 'used only after Office.context.requirements.isSetSupported("ExcelApi", "1.18")'],
]);

function declaredMinimum(): number {
  const match = /<Set Name="ExcelApi" MinVersion="([\d.]+)"\/>/.exec(MANIFEST);
  if (match === null) throw new Error('manifest.xml declares no ExcelApi requirement');
  return Number(match[1].split('.')[1]);
}

/** Every Office.js member the adapter uses, with the ExcelApi minor version its typings document. */
function adapterApiUses(): Array<{ member: string; minor: number; file: string }> {
  const files = fs.readdirSync(ADAPTER_DIR).filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts')).map((file) => path.join(ADAPTER_DIR, file));
  const program = ts.createProgram(files, { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, strict: true, types: ['office-js'], skipLibCheck: true });
  const checker = program.getTypeChecker();
  const uses: Array<{ member: string; minor: number; file: string }> = [];
  for (const file of files) {
    const source = program.getSourceFile(file);
    if (source === undefined) continue;
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAccessExpression(node) || ts.isPropertyAssignment(node)) {
        const symbol = checker.getSymbolAtLocation(node.name);
        for (const declaration of symbol?.getDeclarations() ?? []) {
          if (!declaration.getSourceFile().fileName.includes('@types/office-js')) continue;
          const jsDoc = ts.getJSDocCommentsAndTags(declaration).map((doc) => doc.getText()).join('\n');
          const set = /\[Api set: ExcelApi 1\.(\d+)/.exec(jsDoc);
          const owner = (declaration.parent as ts.ClassDeclaration | ts.InterfaceDeclaration).name?.getText() ?? '';
          if (set !== null) uses.push({ member: `${owner}.${node.name.getText()}`, minor: Number(set[1]), file: path.basename(file) });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return uses;
}

describe('the Excel API requirement in manifest.xml', () => {
  const uses = adapterApiUses();

  it('is found in the adapter code at all, so the check below looks at real calls', () => {
    expect(uses.map((use) => use.member)).toEqual(expect.arrayContaining(['Worksheet.getRanges', 'Range.getCellProperties', 'Range.values']));
  });

  it('covers every Excel API the adapter calls, except members it feature-detects', () => {
    const minimum = declaredMinimum();
    const above = uses.filter((use) => use.minor > minimum && !FEATURE_DETECTED.has(use.member));
    expect(above.map((use) => `${use.member} needs ExcelApi 1.${use.minor} (${use.file})`)).toEqual([]);
  });

  it('is no higher than the newest API the adapter needs, so older Excel builds can still load it', () => {
    const needed = Math.max(...uses.filter((use) => !FEATURE_DETECTED.has(use.member)).map((use) => use.minor));
    expect(declaredMinimum()).toBe(needed);
  });
});
