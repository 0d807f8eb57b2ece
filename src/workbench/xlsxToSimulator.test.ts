import ExcelJS from 'exceljs';
import { applyTint, resolveColor, themeColorsFromXml } from './excelColors';
import { xlsxToSimulator } from './xlsxToSimulator';

/** The bytes of an ExcelJS workbook, as the browser's File.arrayBuffer() gives them. */
async function xlsxBytes(workbook: ExcelJS.Workbook): Promise<ArrayBuffer> {
  const buffer = new Uint8Array(await workbook.xlsx.writeBuffer());
  return buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength);
}

const solid = (fgColor: Partial<ExcelJS.Color> & { indexed?: number; tint?: number }): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: fgColor as ExcelJS.Color });
const utcDay = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

describe('xlsxToSimulator', () => {
  describe('values', () => {
    it('keeps numbers, text and booleans, and reads formulas as their cached results', async () => {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('Plan');
      sheet.getRow(1).values = [2048, 'Trainium2', true, { formula: 'A1*667', result: 1366016 }, { richText: [{ text: 'Lab ' }, { text: 'A', font: { bold: true } }] }];
      sheet.getCell('F1').value = { text: 'runbook', hyperlink: 'https://example.org/runbook' };
      const { sheets } = await xlsxToSimulator(await xlsxBytes(workbook));
      expect(sheets[0].rows?.[0]).toEqual([2048, 'Trainium2', true, 1366016, 'Lab A', 'runbook']);
    });

    it('reads error values, plain and as formula results, as { error }', async () => {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('Plan');
      sheet.getCell('A1').value = { error: '#N/A' };
      sheet.getCell('B1').value = { formula: '1/0', result: { error: '#DIV/0!' } };
      const { sheets } = await xlsxToSimulator(await xlsxBytes(workbook));
      expect(sheets[0].rows?.[0]).toEqual([{ error: '#N/A' }, { error: '#DIV/0!' }]);
    });

    it('keeps text that looks like markup or a formula as text', async () => {
      const workbook = new ExcelJS.Workbook();
      workbook.addWorksheet('Plan').getRow(1).values = ['<img src=x onerror=alert(1)>', '=1+1'];
      const { sheets } = await xlsxToSimulator(await xlsxBytes(workbook));
      expect(sheets[0].rows?.[0]).toEqual(['<img src=x onerror=alert(1)>', '=1+1']);
    });

    it('puts a merged range’s value in its first cell only, as Excel does', async () => {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('Plan');
      sheet.mergeCells('A1:C1');
      sheet.getCell('A1').value = 'Q2 capacity plan';
      const { sheets } = await xlsxToSimulator(await xlsxBytes(workbook));
      expect(sheets[0].rows?.[0]).toEqual(['Q2 capacity plan', null, null]);
    });
  });

  describe('dates', () => {
    it('reads date cells as 1900-system serials and keeps their number format', async () => {
      const workbook = new ExcelJS.Workbook();
      const cell = workbook.addWorksheet('Plan').getCell('A1');
      cell.value = utcDay('2026-04-14');
      cell.numFmt = 'd-mmm-yyyy';
      const { sheets, date1904 } = await xlsxToSimulator(await xlsxBytes(workbook));
      expect(date1904).toBe(false);
      expect(sheets[0].rows?.[0]).toEqual([46126]);
      expect(sheets[0].numberFormats).toEqual({ A1: 'd-mmm-yyyy' });
    });

    it('reads dates of a 1904 workbook as 1904-system serials', async () => {
      const workbook = new ExcelJS.Workbook();
      workbook.properties.date1904 = true;
      const cell = workbook.addWorksheet('Plan').getCell('A1');
      cell.value = utcDay('2026-04-14');
      cell.numFmt = 'yyyy-mm-dd';
      const { sheets, date1904 } = await xlsxToSimulator(await xlsxBytes(workbook));
      expect(date1904).toBe(true);
      expect(sheets[0].rows?.[0]).toEqual([46126 - 1462]);
    });
  });

  describe('fills', () => {
    it('tells an explicit white fill from no fill', async () => {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('Plan');
      sheet.getRow(1).values = ['white', 'none', 'lab colour'];
      sheet.getCell('A1').fill = solid({ argb: 'FFFFFFFF' });
      sheet.getCell('C1').fill = solid({ argb: 'FFDDEBF7' });
      const { sheets } = await xlsxToSimulator(await xlsxBytes(workbook));
      expect(sheets[0].fills).toEqual({ A1: '#FFFFFF', C1: '#DDEBF7' });
    });

    it('keeps the fill of an empty cell', async () => {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('Plan');
      sheet.getCell('A1').value = 'Lab A';
      sheet.getCell('B1').fill = solid({ argb: 'FFFCE4D6' });
      const { sheets } = await xlsxToSimulator(await xlsxBytes(workbook));
      expect(sheets[0].fills).toEqual({ B1: '#FCE4D6' });
    });

    it('resolves theme colours with their tint, and legacy palette indexes', async () => {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('Plan');
      sheet.getCell('A1').fill = solid({ theme: 4 });
      sheet.getCell('B1').fill = solid({ theme: 1, tint: 0.5 });
      sheet.getCell('C1').fill = solid({ indexed: 13 });
      const { sheets } = await xlsxToSimulator(await xlsxBytes(workbook));
      // ExcelJS writes the Office 2007 theme, whose accent 1 is 4F81BD.
      expect(sheets[0].fills).toEqual({ A1: '#4F81BD', B1: '#808080', C1: '#FFFF00' });
    });

    it('ignores pattern fills other than solid', async () => {
      const workbook = new ExcelJS.Workbook();
      workbook.addWorksheet('Plan').getCell('A1').fill = { type: 'pattern', pattern: 'darkGrid', fgColor: { argb: 'FFFF0000' } };
      const { sheets } = await xlsxToSimulator(await xlsxBytes(workbook));
      expect(sheets[0].fills).toEqual({});
    });
  });

  describe('sheets', () => {
    it('reads every sheet in order with its visibility', async () => {
      const workbook = new ExcelJS.Workbook();
      workbook.addWorksheet('Allocations').getCell('A1').value = 'Provider';
      workbook.addWorksheet('Capacity').getCell('A1').value = 'Chips';
      workbook.addWorksheet('Notes', { state: 'hidden' });
      workbook.addWorksheet('CapacityCheck state', { state: 'veryHidden' });
      const { sheets } = await xlsxToSimulator(await xlsxBytes(workbook));
      expect(sheets.map((sheet) => [sheet.name, sheet.visibility])).toEqual([
        ['Allocations', 'Visible'],
        ['Capacity', 'Visible'],
        ['Notes', 'Hidden'],
        ['CapacityCheck state', 'VeryHidden'],
      ]);
    });
  });

  describe('column widths', () => {
    it('gives the widths the file sets in pixels, by sheet', async () => {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('Plan');
      sheet.getColumn(2).width = 20;
      sheet.getCell('C1').value = 'Notes';
      const { columnWidths } = await xlsxToSimulator(await xlsxBytes(workbook));
      expect(columnWidths?.Plan[0]).toBeUndefined();
      expect(columnWidths?.Plan[1]).toBe(145);
    });
  });
});

describe('excelColors', () => {
  it('reads theme slots from a theme part, light before dark as theme indexes count them', () => {
    const xml = '<a:clrScheme><a:dk1><a:sysClr val="windowText" lastClr="000000"/></a:dk1><a:lt1><a:srgbClr val="FEFEFE"/></a:lt1><a:accent1><a:srgbClr val="156082"/></a:accent1></a:clrScheme>';
    const theme = themeColorsFromXml(xml);
    expect([theme[0], theme[1], theme[4]]).toEqual(['FEFEFE', '000000', '156082']);
  });

  it('falls back to the Office theme without a theme part', () => {
    expect(resolveColor({ theme: 4 }, themeColorsFromXml(undefined))).toBe('#4472C4');
  });

  it('lightens with a positive tint and darkens with a negative one', () => {
    expect(applyTint('000000', 0.5)).toBe('808080');
    expect(applyTint('FFFFFF', -0.5)).toBe('808080');
    expect(applyTint('4472C4', 0)).toBe('4472C4');
  });

  it('ignores the alpha byte and treats automatic colours as none', () => {
    expect(resolveColor({ argb: '00FFFF00' }, [])).toBe('#FFFF00');
    expect(resolveColor({ indexed: 64 }, [])).toBeUndefined();
    expect(resolveColor(undefined, [])).toBeUndefined();
  });
});
