import ExcelJS from 'exceljs';
import { rawWorkbookBytes, TWO_FORMAT_STYLES } from '../../test/fixtures/rawXlsx';
import { BugIndicatingError, CellValue } from '../core';
import { findFormulaCells } from './findFormulaCells';
import { patchXlsxValues } from './patchXlsxValues';
import { readXlsxWorkbook } from './readXlsxWorkbook';

const ROWS =
  '<row r="1"><c r="A1" t="inlineStr"><is><t>Start</t></is></c><c r="B1" t="inlineStr"><is><t>Silicon</t></is></c><c r="C1" t="inlineStr"><is><t>End</t></is></c></row>' +
  '<row r="2" spans="1:3"><c r="A2" s="1"><v>46126</v></c><c r="B2" t="inlineStr"><is><t>H100</t></is></c><c r="C2" s="1"><f>A2+3</f><v>46129</v></c></row>' +
  '<row r="3" spans="1:2"><c s="1"><v>46130</v></c><c t="inlineStr"><is><t>x</t></is></c></row>';

/** Writes `values` (address → value) into the first sheet and reads the result back with our reader. */
function patched(values: Record<string, CellValue>, rows = ROWS) {
  const { archive, parts } = readXlsxWorkbook(rawWorkbookBytes({ styles: TWO_FORMAT_STYLES, sheets: [{ name: 'Plan', rows }, { name: 'Other', rows }] }));
  const before = new Map(archive.names.map((name) => [name, archive.read(name)]));
  patchXlsxValues(archive, parts, Object.entries(values).map(([address, after]) => ({ sheet: 'Plan', address, before: null, after })));
  const bytes = archive.toBuffer();
  return { bytes, reread: readXlsxWorkbook(bytes), unchanged: archive.names.filter((name) => archive.read(name)?.equals(before.get(name) as Buffer)) };
}

describe('patchXlsxValues', () => {
  it('writes numbers as numbers keeping the cell format, and text as text', async () => {
    // ExcelJS reads only cells that name their address.
    const { bytes, reread } = patched({ A2: 46140, B2: 'Trainium2 & co <2>' }, ROWS.slice(0, ROWS.indexOf('<row r="3"')));
    expect(reread.snapshot.sheets[0].rows[1]).toEqual([46140, 'Trainium2 & co <2>', 46129]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    const cell = workbook.getWorksheet('Plan')!.getCell('A2');
    expect(cell.value).toBe(46140);
    expect(cell.font).toMatchObject({ bold: true });
    expect(workbook.getWorksheet('Plan')!.getCell('B2').value).toBe('Trainium2 & co <2>');
  });

  it('changes only the sheet it writes', () => {
    const { unchanged } = patched({ A2: 46140 });
    expect(unchanged.sort()).toEqual(['[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/workbook.xml', 'xl/worksheets/sheet2.xml']);
  });

  it('adds a missing cell in column order, giving addresses to the cells placed by order after it', () => {
    const { reread } = patched({ A3: 46131, C3: 'block-7' }, ROWS.replace('<c s="1"><v>46130</v></c>', ''));
    expect(reread.snapshot.sheets[0].rows[2]).toEqual([46131, null, 'block-7']);
    const { reread: ordered } = patched({ C3: 'block-7' });
    expect(ordered.snapshot.sheets[0].rows[2]).toEqual([46130, 'x', 'block-7']);
  });

  it('empties a cell for an empty value and keeps text with spaces and OOXML escapes as typed', () => {
    const { reread } = patched({ B2: null, A3: ' _x000D_ spaced ' });
    expect(reread.snapshot.sheets[0].rows[1]?.[1] ?? null).toBeNull();
    expect(reread.snapshot.sheets[0].rows[2]?.[0]).toBe(' _x000D_ spaced ');
  });

  it('refuses to write over a formula', () => {
    expect(() => patched({ C2: 46140 })).toThrow(BugIndicatingError);
  });
});

describe('findFormulaCells', () => {
  it('lists the cells holding formulas, as Excel shows them', () => {
    const { archive, parts } = readXlsxWorkbook(rawWorkbookBytes({ sheets: [{ name: 'Plan', rows: ROWS + '<row r="4"><c r="A4"><f t="shared" si="0"/><v>1</v></c><c r="B4"><v>2</v></c></row>' }] }));
    expect(findFormulaCells(archive, parts.sheets[0])).toEqual([{ sheet: 'Plan', address: 'C2', formula: '=A2+3' }, { sheet: 'Plan', address: 'A4', formula: '=' }]);
  });
});
