import ExcelJS from 'exceljs';
import { ExcelSimulator, SimulatorSheet } from '../simulator';
import { simulatorToXlsx } from './simulatorToXlsx';
import { WorkbenchWorkbook, xlsxToSimulator } from './xlsxToSimulator';

function arrayBufferOf(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

async function xlsxBytes(workbook: ExcelJS.Workbook): Promise<ArrayBuffer> {
  return arrayBufferOf(new Uint8Array(await workbook.xlsx.writeBuffer()));
}

async function readWithExcelJs(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(arrayBufferOf(bytes));
  return workbook;
}

const APRIL_14 = 46126;

const ALLOCATIONS: SimulatorSheet = {
  name: 'Allocations',
  visibility: 'Visible',
  rows: [
    ['Lab', 'Silicon', 'Chips', 'Start', 'Confirmed', 'TFLOPS'],
    ['Lab A', 'Trainium2', 2048, APRIL_14, true, { error: '#REF!' }],
    ['Lab B', '=not a formula', 512, APRIL_14 + 13, false],
  ],
  fills: { A2: '#FCE4D6', B2: '#FFFF00', A3: '#FFFFFF' },
  numberFormats: { D2: 'd-mmm-yyyy', D3: 'd-mmm-yyyy', C2: '#,##0' },
};

describe('simulatorToXlsx', () => {
  describe('into a new file', () => {
    it('round-trips values, fills (white apart from none), number formats and dates', async () => {
      const bytes = await simulatorToXlsx({ sheets: [ALLOCATIONS], date1904: false });
      const { sheets } = await xlsxToSimulator(arrayBufferOf(bytes));
      expect(sheets).toEqual([ALLOCATIONS]);
    });

    it('keeps several sheets in order, hidden and very hidden ones too', async () => {
      const input: SimulatorSheet[] = [
        ALLOCATIONS,
        { name: 'Resolution log', visibility: 'Visible', rows: [['When', 'Action'], ['2026-04-01 10:00:00', 'shift']], fills: {}, numberFormats: { A2: '@', B2: '@' } },
        { name: 'CapacityCheck state', visibility: 'VeryHidden', rows: [['fill', 'Allocations', 'B2', '#DDEBF7', 'Solid']], fills: {}, numberFormats: {} },
      ];
      const bytes = await simulatorToXlsx({ sheets: input, date1904: false });
      expect((await xlsxToSimulator(arrayBufferOf(bytes))).sheets).toEqual(input);
    });

    it('keeps the 1904 date system, so serials keep their days', async () => {
      const workbook: WorkbenchWorkbook = { sheets: [{ name: 'Plan', visibility: 'Visible', rows: [[APRIL_14 - 1462]], fills: {}, numberFormats: { A1: 'yyyy-mm-dd' } }], date1904: true };
      const bytes = await simulatorToXlsx(workbook);
      expect(await xlsxToSimulator(arrayBufferOf(bytes))).toMatchObject(workbook);
      expect((await readWithExcelJs(bytes)).getWorksheet('Plan')?.getCell('A1').value).toEqual(new Date('2026-04-14T00:00:00Z'));
    });
  });

  describe('into the file it was opened from', () => {
    let original: ArrayBuffer;

    beforeAll(async () => {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('Allocations');
      sheet.getRow(1).values = ['Lab', 'Silicon', 'Chips', 'TFLOPS', 'Notes'];
      sheet.getRow(1).font = { bold: true };
      sheet.getRow(2).values = ['Lab A', 'Trainuim2', 2048, { formula: 'C2*667', result: 1366016 }, 'to clear'];
      sheet.getCell('A2').fill = { type: 'pattern', pattern: 'solid', fgColor: { theme: 5, tint: 0.7999 } as unknown as ExcelJS.Color };
      sheet.getCell('B2').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
      sheet.getColumn(5).width = 40;
      original = await xlsxBytes(workbook);
    });

    async function saveAfter(change: (sim: ExcelSimulator) => Promise<void>): Promise<ExcelJS.Workbook> {
      const opened = await xlsxToSimulator(original);
      const sim = new ExcelSimulator({ sheets: opened.sheets }).install(globalThis);
      try {
        await change(sim);
      } finally {
        sim.uninstall();
      }
      return readWithExcelJs(await simulatorToXlsx({ ...opened, sheets: sim.toSheets() }, original));
    }

    it('writes edits, paint and cleared cells', async () => {
      const saved = await saveAfter(async (sim) => {
        sim.userEdit('Allocations', 'B2', 'Trainium2');
        sim.setFillAt('Allocations', 'C2', '#FFFF00');
        sim.userEdit('Allocations', 'E2', '');
      });
      const sheet = saved.getWorksheet('Allocations');
      expect(sheet?.getCell('B2').value).toBe('Trainium2');
      expect(sheet?.getCell('C2').fill).toEqual({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } });
      expect(sheet?.getCell('E2').value).toBeNull();
    });

    it('restores "no fill" as no fill, not white', async () => {
      const saved = await saveAfter(async (sim) => sim.setFillAt('Allocations', 'B2', null));
      const reread = await xlsxToSimulator(await xlsxBytes(saved));
      expect(reread.sheets[0].fills?.B2).toBeUndefined();
    });

    it('leaves formulas, fonts, widths and theme colours of untouched cells as they were', async () => {
      const saved = await saveAfter(async (sim) => sim.userEdit('Allocations', 'B2', 'Trainium2'));
      const sheet = saved.getWorksheet('Allocations');
      expect(sheet?.getCell('D2').value).toEqual({ formula: 'C2*667', result: 1366016 });
      expect(sheet?.getCell('A1').font?.bold).toBe(true);
      expect(sheet?.getColumn(5).width).toBe(40);
      expect(sheet?.getCell('A2').fill).toEqual({ type: 'pattern', pattern: 'solid', fgColor: { theme: 5, tint: 0.7999 } });
    });

    it('adds the sheets the add-in created, such as the resolution log', async () => {
      const saved = await saveAfter(async (sim) => {
        await sim.run({}, async (context) => {
          context.workbook.worksheets.add('Resolution log').getRange('A1:B1').values = [['When', 'Action']];
          await context.sync();
        });
      });
      expect(saved.worksheets.map((sheet) => sheet.name)).toEqual(['Allocations', 'Resolution log']);
      expect(saved.getWorksheet('Resolution log')?.getRow(1).values).toEqual([undefined, 'When', 'Action']);
    });
  });
});
