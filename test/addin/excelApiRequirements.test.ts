import * as path from 'node:path';
import * as fs from 'node:fs';
import ts from 'typescript';

const ROOT = path.join(__dirname, '..', '..');
/** Every folder whose code calls Office.js: the adapter, the ribbon function and the task pane. */
const CALLING_DIRS = ['excel', 'commands', 'taskpane'].map((dir) => path.join(ROOT, 'src', dir));
const MANIFEST = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');

/**
 * Members newer than the manifest's minimum that the add-in uses only where they are there, and what it
 * does elsewhere. (`RunOptions.delayForCellEdit` belongs to the DelayForCellEdit set, not to ExcelApi: where
 * the host lacks it Office.js drops the option, a batch during cell edit fails, and the pane says to finish the edit.)
 */
const FEATURE_DETECTED = new Map([
  ['WorksheetChangedEventArgs.triggerSource', 'absent below ExcelApi 1.14; the add-in then also hears its own writes, and a re-check of them changes nothing'],
  ['RangeAreas.select', 'used only where isSetSupported("ExcelApi", "1.18") and the client library has it; else the first booking is selected'],
]);

interface Use {
  readonly member: string;
  readonly minor: number;
  readonly file: string;
}

const excelApiMinor = (declaration: ts.Declaration): number | undefined => {
  const set = /\[Api set: ExcelApi 1\.(\d+)/.exec(ts.getJSDocCommentsAndTags(declaration).map((doc) => doc.getText()).join('\n'));
  return set === null ? undefined : Number(set[1]);
};
const ownerOf = (declaration: ts.Declaration): string => (declaration.parent as ts.ClassDeclaration | ts.InterfaceDeclaration).name?.getText() ?? '';
const fromTypings = (declaration: ts.Declaration): boolean => declaration.getSourceFile().fileName.includes('@types/office-js');

function sourceFiles(): string[] {
  const walk = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? walk(path.join(dir, entry.name)) : [path.join(dir, entry.name)]));
  return CALLING_DIRS.flatMap(walk).filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file));
}

/**
 * Every Office.js member the add-in uses, with the ExcelApi minor version its typings document: properties,
 * methods and option keys the compiler resolves, and the property paths of `load('a,b/c')` strings, walked
 * through the loaded object's type (`items/` through a collection's items).
 */
function apiUses(): Use[] {
  const files = sourceFiles();
  const program = ts.createProgram(files, { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, jsx: ts.JsxEmit.React, strict: true, types: ['office-js'], skipLibCheck: true, esModuleInterop: true });
  const checker = program.getTypeChecker();
  const uses: Use[] = [];
  const record = (symbol: ts.Symbol | undefined, file: string): void => {
    for (const declaration of symbol?.getDeclarations() ?? []) {
      const minor = fromTypings(declaration) ? excelApiMinor(declaration) : undefined;
      // Members of classes and interfaces only: `Excel.RangeAreas` as a value has no owner.
      if (minor !== undefined && ownerOf(declaration) !== '') uses.push({ member: `${ownerOf(declaration)}.${symbol!.getName()}`, minor, file: path.relative(ROOT, file) });
    }
  };
  const recordLoadPath = (type: ts.Type, pathText: string, file: string): void => {
    let current: ts.Type | undefined = type;
    for (const segment of pathText.trim().split('/')) {
      if (current === undefined) return;
      const property: ts.Symbol | undefined = checker.getPropertyOfType(current, segment);
      if (property === undefined) throw new Error(`${path.relative(ROOT, file)} loads "${pathText}", whose "${segment}" is no member of ${checker.typeToString(current)}`);
      record(property, file);
      const propertyType = checker.getTypeOfSymbol(property);
      // `items` of a collection: what follows is a member of each item.
      current = segment === 'items' ? checker.getIndexTypeOfType(propertyType, ts.IndexKind.Number) ?? propertyType : propertyType;
    }
  };
  for (const file of files) {
    const source = program.getSourceFile(file);
    if (source === undefined) continue;
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAccessExpression(node) || ts.isPropertyAssignment(node) || ts.isShorthandPropertyAssignment(node)) record(checker.getSymbolAtLocation(node.name), file);
      if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'load' && node.arguments.length === 1 && ts.isStringLiteralLike(node.arguments[0])) {
        const type = checker.getTypeAtLocation(node.expression.expression);
        for (const pathText of node.arguments[0].text.split(',')) recordLoadPath(type, pathText, file);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return uses;
}

function declaredMinimum(): number {
  const match = /<Set Name="ExcelApi" MinVersion="([\d.]+)"\/>/.exec(MANIFEST);
  if (match === null) throw new Error('manifest.xml declares no ExcelApi requirement');
  return Number(match[1].split('.')[1]);
}

describe('the Excel API requirement in manifest.xml', () => {
  const uses = apiUses();
  const members = new Set(uses.map((use) => use.member));

  it('is checked against what the add-in really calls: methods, properties, option keys and load paths', () => {
    expect([...members]).toEqual(expect.arrayContaining([
      'Worksheet.getRanges', 'Range.getCellProperties', 'Range.values', 'CellPropertiesFill.tintAndShade',
      'Worksheet.protection', 'WorksheetProtection.protected', 'Table.showHeaders', 'TableColumn.name', 'Workbook.functions', 'TableRowCollection.add',
    ]));
  });

  it('covers every Excel API the add-in calls, except members it feature-detects', () => {
    const minimum = declaredMinimum();
    const above = uses.filter((use) => use.minor > minimum && !FEATURE_DETECTED.has(use.member));
    expect([...new Set(above.map((use) => `${use.member} needs ExcelApi 1.${use.minor} (${use.file})`))]).toEqual([]);
  });

  it('lists as feature-detected only members the add-in uses', () => {
    expect([...FEATURE_DETECTED.keys()].filter((member) => !members.has(member))).toEqual([]);
  });

  it('is no higher than the newest API the add-in needs, so older Excel builds can still load it', () => {
    const needed = Math.max(...uses.filter((use) => !FEATURE_DETECTED.has(use.member)).map((use) => use.minor));
    expect(declaredMinimum()).toBe(needed);
  });
});
