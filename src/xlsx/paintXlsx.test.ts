import { promises as fs } from 'node:fs';
import ExcelJS from 'exceljs';
import { buildSharedStylesWorkbook, makeTempDir, removeTempDir, SHARED_FILL } from '../../test/fixtures/buildWorkbooks';
import { rawWorkbookBytes, TWO_FORMAT_STYLES } from '../../test/fixtures/rawXlsx';
import { parseCellAddress } from '../core';
import { paintXlsx } from './paintXlsx';
import { readXlsxWorkbook } from './readXlsxWorkbook';
import { ZipArchive } from './zipArchive';

const YELLOW = 'FFFFFF00';

/** Paints `cells` ("C2" addresses) of the first sheet and returns the new file's bytes. */
function paint(bytes: Buffer, addresses: readonly string[]): Buffer {
  const { archive, parts } = readXlsxWorkbook(bytes);
  const cells = addresses.map((address) => parseCellAddress(address) ?? { row: -1, column: -1 });
  return paintXlsx(archive, parts, parts.sheets[0].name, cells);
}

async function loadWithExcelJs(bytes: Buffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return workbook.worksheets[0];
}

const fillOf = (sheet: ExcelJS.Worksheet, address: string): string | null => {
  const fill = sheet.getCell(address).fill as ExcelJS.FillPattern | undefined;
  return fill?.type === 'pattern' && fill.pattern === 'solid' ? (fill.fgColor?.argb ?? null) : null;
};

const ROWS =
  '<row r="1" spans="1:3"><c r="A1" t="inlineStr"><is><t>Provider</t></is></c><c r="B1" s="1" t="inlineStr"><is><t>Region</t></is></c></row>' +
  '<row r="2" spans="1:2"><c r="A2" s="1"><v>1</v></c><c r="B2" s="1"><v>2</v></c></row>' +
  '<row r="3" spans="1:2"><c r="A3" s="1"><v>3</v></c><c r="B3"><v>4</v></c></row>';

describe('paintXlsx', () => {
  it('fills the cells yellow, each keeping the rest of its format, and leaves cells that shared the format alone', async () => {
    const painted = await loadWithExcelJs(paint(rawWorkbookBytes({ styles: TWO_FORMAT_STYLES, sheets: [{ name: 'S', rows: ROWS }] }), ['A2', 'B3']));
    expect(fillOf(painted, 'A2')).toBe(YELLOW);
    expect(painted.getCell('A2').font).toMatchObject({ bold: true });
    expect(painted.getCell('A2').alignment).toMatchObject({ horizontal: 'center' });
    expect(fillOf(painted, 'B3')).toBe(YELLOW);
    expect(fillOf(painted, 'B2')).toBe('FFDDEBF7');
    expect(fillOf(painted, 'A3')).toBe('FFDDEBF7');
    expect(fillOf(painted, 'B1')).toBe('FFDDEBF7');
    expect(fillOf(painted, 'A1')).toBeNull();
    expect([painted.getCell('A2').value, painted.getCell('B3').value, painted.getCell('B2').value]).toEqual([1, 4, 2]);
  });

  it('adds the cells it paints when the sheet has none there, in column order, and widens the row span', () => {
    const bytes = paint(rawWorkbookBytes({ styles: TWO_FORMAT_STYLES, sheets: [{ name: 'S', rows: ROWS }] }), ['C2', 'D2', 'B2']);
    const xml = ZipArchive.fromBuffer(bytes).readText('xl/worksheets/sheet1.xml') ?? '';
    expect(xml).toMatch(/<row r="2" spans="1:4"><c r="A2" s="1"><v>1<\/v><\/c><c r="B2" s="\d+"><v>2<\/v><\/c><c r="C2" s="\d+"\/><c r="D2" s="\d+"\/><\/row>/);
    expect(readXlsxWorkbook(bytes).snapshot.sheets[0].rows[1]).toEqual([1, 2]);
  });

  it('paints a cell placed by order, and its neighbours placed by order keep their columns', () => {
    const rows = '<row r="1"><c><v>1</v></c><c><v>2</v></c><c><v>3</v></c></row><row r="2"><c><v>4</v></c></row>';
    const bytes = paint(rawWorkbookBytes({ sheets: [{ name: 'S', rows }] }), ['B1']);
    expect(readXlsxWorkbook(bytes).snapshot.sheets[0].rows).toEqual([[1, 2, 3], [4]]);
    expect(ZipArchive.fromBuffer(bytes).readText('xl/worksheets/sheet1.xml')).toMatch(/<row r="1"><c><v>1<\/v><\/c><c r="B1" s="\d"><v>2<\/v><\/c><c><v>3<\/v><\/c><\/row>/);
  });

  it('gives addresses to every cell placed by order in a row where it adds a cell', () => {
    const rows = '<row r="1"><c><v>1</v></c><c><v>3</v></c></row>';
    const bytes = paint(rawWorkbookBytes({ sheets: [{ name: 'S', rows }] }), ['D1']);
    expect(ZipArchive.fromBuffer(bytes).readText('xl/worksheets/sheet1.xml')).toMatch(/<row r="1"><c r="A1"><v>1<\/v><\/c><c r="B1"><v>3<\/v><\/c><c r="D1" s="\d"\/><\/row>/);
    expect(readXlsxWorkbook(bytes).snapshot.sheets[0].rows).toEqual([[1, 3]]);
  });

  it('adds a styles part to a workbook that has none', async () => {
    const bytes = paint(rawWorkbookBytes({ sheets: [{ name: 'S', rows: ROWS.replace(/ s="1"/g, '') }] }), ['A2']);
    const archive = ZipArchive.fromBuffer(bytes);
    expect(archive.readText('xl/_rels/workbook.xml.rels')).toContain('Target="styles.xml"');
    expect(archive.readText('[Content_Types].xml')).toContain('PartName="/xl/styles.xml"');
    const painted = await loadWithExcelJs(bytes);
    expect(fillOf(painted, 'A2')).toBe(YELLOW);
    expect(fillOf(painted, 'B2')).toBeNull();
  });

  it('patches sheets and styles written with a namespace prefix', () => {
    const prefixedStyles = TWO_FORMAT_STYLES.replace(/<(\/?)(?!\?)/g, '<$1x:').replace('xmlns=', 'xmlns:x=');
    const bytes = paint(rawWorkbookBytes({ prefix: 'x', styles: prefixedStyles, sheets: [{ name: 'S', rows: ROWS.replace(/<(\/?)/g, '<$1x:') }] }), ['A3', 'C3']);
    const archive = ZipArchive.fromBuffer(bytes);
    const styles = archive.readText('xl/styles.xml') ?? '';
    expect(styles).toContain('<x:fills count="4">');
    expect(styles).toContain('<x:fill><x:patternFill patternType="solid"><x:fgColor rgb="FFFFFF00"/>');
    expect(styles).toContain('<x:cellXfs count="4">');
    expect(styles).toContain(
      '<x:xf numFmtId="0" fontId="1" fillId="3" borderId="0" xfId="0" applyFont="1" applyFill="1"><x:alignment horizontal="center"/></x:xf>' +
        '<x:xf numFmtId="0" fontId="0" fillId="3" borderId="0" xfId="0" applyFill="1"/></x:cellXfs>',
    );
    expect(archive.readText('xl/worksheets/sheet1.xml')).toContain('<x:c r="A3" s="2"><x:v>3</x:v></x:c><x:c r="B3"><x:v>4</x:v></x:c><x:c r="C3" s="3"/>');
  });

  it('copies every other part of the package unchanged', async () => {
    const dir = await makeTempDir();
    try {
      const original = await fs.readFile(await buildSharedStylesWorkbook(dir));
      const before = ZipArchive.fromBuffer(original);
      const after = ZipArchive.fromBuffer(paint(original, ['C4', 'E9']));
      expect(after.names).toEqual(before.names);
      const changed = before.names.filter((name) => !before.read(name)?.equals(after.read(name) ?? Buffer.alloc(0)));
      expect(changed.sort()).toEqual(['xl/styles.xml', 'xl/worksheets/sheet1.xml']);
      const painted = await loadWithExcelJs(after.toBuffer());
      expect([fillOf(painted, 'C4'), fillOf(painted, 'E9'), fillOf(painted, 'D4'), fillOf(painted, 'C9')]).toEqual([YELLOW, YELLOW, SHARED_FILL, SHARED_FILL]);
    } finally {
      await removeTempDir(dir);
    }
  });

  it('returns the workbook unchanged when there is nothing to paint', () => {
    const original = rawWorkbookBytes({ styles: TWO_FORMAT_STYLES, sheets: [{ name: 'S', rows: ROWS }] });
    const copy = ZipArchive.fromBuffer(paint(original, []));
    const source = ZipArchive.fromBuffer(original);
    expect(copy.names.every((name) => copy.read(name)?.equals(source.read(name) as Buffer))).toBe(true);
  });
});

describe('paintXlsx on XML that is not written the way Excel writes it', () => {
  const styles = TWO_FORMAT_STYLES;
  /** The sheet part of `bytes` as text. */
  const sheetText = (bytes: Buffer) => ZipArchive.fromBuffer(bytes).readText('xl/worksheets/sheet1.xml') ?? '';

  it('never paints inside a comment, a CDATA section or a processing instruction, and changes no other byte of the sheet', () => {
    const rows =
      '<!-- <row r="2"><c r="B2" s="1"><v>99</v></c></row> -->\r\n' +
      '<row r="1"><c r="A1" t="inlineStr"><is><t><![CDATA[<c r="B2">]]></t></is></c></row>' +
      '<?note <c r="B2" s="1"/> ?><row r="2" spans="1:2"><c r="A2" x="a>b"><v>1</v></c><c r="B2" s="1" ><v>2</v></c></row>';
    const original = rawWorkbookBytes({ styles, sheets: [{ name: 'S', rows }] });
    const before = sheetText(original);
    const after = sheetText(paint(original, ['B2']));
    const painted = /<c r="B2" s="(\d+)" >/.exec(after);
    expect(painted).not.toBeNull();
    expect(Number(painted?.[1])).toBeGreaterThan(1);
    // Exactly one start tag changed: the real B2's `s`, and nothing in the comment, CDATA or PI.
    expect(after).toBe(before.replace('<c r="B2" s="1" ><v>2</v>', `<c r="B2" s="${painted?.[1]}" ><v>2</v>`));
  });

  it('adds the cells it paints after a row whose end tag has spaces', () => {
    const original = rawWorkbookBytes({ styles, sheets: [{ name: 'S', rows: '<row r="1"><c r="A1"><v>1</v></c></row  >' }] });
    expect(sheetText(paint(original, ['B1']))).toContain('<row r="1"><c r="A1"><v>1</v></c><c r="B1" s="2"/></row  >');
  });

  it('adds <fills> to a styles part that has none, after the two fills Excel reserves, and paints with it', async () => {
    const noFills = TWO_FORMAT_STYLES.replace(/<fills[\s\S]*<\/fills>/, '').replace(/ fillId="2"/g, ' fillId="0"');
    const bytes = paint(rawWorkbookBytes({ styles: noFills, sheets: [{ name: 'S', rows: ROWS }] }), ['A2']);
    const stylesXml = ZipArchive.fromBuffer(bytes).readText('xl/styles.xml') ?? '';
    expect(stylesXml).toContain(
      '</fonts><fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>' +
        '<fill><patternFill patternType="solid"><fgColor rgb="FFFFFF00"/><bgColor indexed="64"/></patternFill></fill></fills><borders',
    );
    const sheet = await loadWithExcelJs(bytes);
    expect(fillOf(sheet, 'A2')).toBe(YELLOW);
    expect(fillOf(sheet, 'B2')).toBeNull();
  });

  it('adds the reserved fills a styles part lacks before its own fill', () => {
    const oneFill = TWO_FORMAT_STYLES.replace(/<fills[\s\S]*<\/fills>/, '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>');
    const stylesXml = ZipArchive.fromBuffer(paint(rawWorkbookBytes({ styles: oneFill, sheets: [{ name: 'S', rows: ROWS }] }), ['A2'])).readText('xl/styles.xml') ?? '';
    expect(stylesXml).toMatch(/<fills count="3"><fill><patternFill patternType="none"\/><\/fill><fill><patternFill patternType="gray125"\/><\/fill><fill><patternFill patternType="solid">/);
    expect(stylesXml).toMatch(/<xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1">/);
  });

  it('writes a painted UTF-16 sheet back in UTF-16, every other byte as it was', () => {
    const source = rawWorkbookBytes({ styles, sheets: [{ name: 'S', rows: '<row r="1"><c r="A1" t="inlineStr"><is><t>Zoë 東京</t></is></c><c r="B1"><v>2</v></c></row>' }] });
    const archive = ZipArchive.fromBuffer(source);
    const utf16 = (xml: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml.replace('UTF-8', 'UTF-16'), 'utf16le')]);
    const before = archive.readText('xl/worksheets/sheet1.xml') ?? '';
    archive.write('xl/worksheets/sheet1.xml', utf16(before));
    const painted = ZipArchive.fromBuffer(paint(archive.toBuffer(), ['B1'])).read('xl/worksheets/sheet1.xml') as Buffer;
    expect(painted.equals(utf16(before.replace('<c r="B1">', '<c r="B1" s="2">')))).toBe(true);
  });
});
