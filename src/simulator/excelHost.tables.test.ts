import { ExcelSimulator } from './ExcelSimulator';

const HEADER = ['When', 'Who', 'Action', 'Label'];

function logWithTable(): ExcelSimulator {
  return new ExcelSimulator({
    sheets: [
      { name: 'Intro', rows: [['Read me']] },
      {
        name: 'Log',
        rows: [[], HEADER, ['2026-01-05', 'ana', 'shift', { formula: '=B3&"/"&C3' }], ['2026-01-06', 'bo', 'move', { formula: '=B4&"/"&C4' }], ['total', null, null, { formula: '=D4' }], ['below the table']],
        numberFormats: { 'A3:A4': '@' },
        fills: { 'A3:D4': '#DDEBF7' },
        tables: [{ name: 'LogTable', range: 'A2:D5', showTotals: true }],
      },
    ],
  }).install(globalThis);
}

describe('Excel tables', () => {
  let sim: ExcelSimulator;
  afterEach(async () => {
    await sim.idle();
    sim.uninstall();
  });

  it('list with their names, header and totals rows, columns and ranges', async () => {
    sim = logWithTable();
    const read = await Excel.run(async (context) => {
      const tables = context.workbook.tables.load('items/name,items/showHeaders,items/showTotals,items/worksheet/name,items/columns/items/name');
      const table = context.workbook.tables.getItem('logtable');
      const ranges = [table.getRange(), table.getHeaderRowRange(), table.getDataBodyRange(), table.getTotalRowRange()].map((range) => range.load('address'));
      const onSheet = context.workbook.worksheets.getItem('Log').tables.load('items/name');
      const elsewhere = context.workbook.worksheets.getItem('Intro').tables.load('items/name');
      await context.sync();
      const [item] = tables.items;
      return {
        item: [item.name, item.showHeaders, item.showTotals, item.worksheet.name, item.columns.items.map((column) => column.name)],
        ranges: ranges.map((range) => range.address),
        perSheet: [onSheet.items.length, elsewhere.items.length],
      };
    });
    expect(read.item).toEqual(['LogTable', true, true, 'Log', HEADER]);
    expect(read.ranges).toEqual(['Log!A2:D5', 'Log!A2:D2', 'Log!A3:D4', 'Log!A5:D5']);
    expect(read.perSheet).toEqual([1, 0]);
  });

  it('grow by rows.add: the new row takes the formats and calculated formulas of the row above, the totals row and what is below move down', async () => {
    sim = logWithTable();
    await Excel.run(async (context) => {
      context.workbook.tables.getItem('LogTable').rows.add(undefined, [['2026-01-07', 'cy', 'accept', null as unknown as string]]);
    });
    expect(sim.snapshotValues('Log').slice(4)).toEqual([['2026-01-07', 'cy', 'accept', 'cy/accept'], ['total', '', '', 'bo/move'], ['below the table', '', '', '']]);
    expect([sim.formulaAt('Log', 'D5'), sim.formulaAt('Log', 'D6'), sim.numberFormatAt('Log', 'A5'), sim.fillAt('Log', 'C5')]).toEqual(['=B5&"/"&C5', '=D4', '@', '#DDEBF7']);
    expect(sim.tablesOf('Log')).toEqual([{ name: 'LogTable', range: 'A2:D6', showHeaders: true, showTotals: true, columns: HEADER }]);
  });

  it('refuse rows whose width is not the table’s', async () => {
    sim = logWithTable();
    const failure = Excel.run(async (context) => {
      context.workbook.tables.getItem('LogTable').rows.add(undefined, [['too', 'few']]);
      await context.sync();
    });
    await expect(failure).rejects.toMatchObject({ code: 'InvalidArgument' });
  });
});
