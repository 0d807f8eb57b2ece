import { ExcelSimulator } from './ExcelSimulator';

// 14 Apr 2026 in the 1900 date system.
const SERIAL = 46126;

async function textOf(sim: ExcelSimulator, address: string): Promise<string[][]> {
  return sim.run({}, async (context) => {
    const range = context.workbook.worksheets.getItem('Plan').getRange(address).load('text');
    await context.sync();
    return range.text;
  });
}

describe('displayed text (Range.text)', () => {
  let sim: ExcelSimulator;
  afterEach(() => sim?.uninstall());

  it('follows the number format: dates with or without a year, numbers with decimals, grouping and percent', async () => {
    sim = new ExcelSimulator({
      sheets: [{
        name: 'Plan',
        rows: [[SERIAL, SERIAL, SERIAL, 1234.5, 0.25, 7]],
        numberFormats: { A1: 'd mmm yyyy', B1: 'd mmm', C1: 'dd/mm/yy', D1: '#,##0.00', E1: '0%' },
        columnWidths: { A: 100 },
      }],
    }).install(globalThis);
    expect(await textOf(sim, 'A1:F1')).toEqual([['14 Apr 2026', '14 Apr', '14/04/26', '1,234.50', '25%', '7']]);
  });

  it('shows the built-in short date in the host’s locale', async () => {
    for (const [locale, shown] of [['en-US', '4/14/2026'], ['de-DE', '14.04.2026'], ['en-GB', '14/04/2026']] as const) {
      sim = new ExcelSimulator({ locale, sheets: [{ name: 'Plan', rows: [[SERIAL]], numberFormats: { A1: 'm/d/yyyy' }, columnWidths: { A: 90 } }] }).install(globalThis);
      expect(await textOf(sim, 'A1')).toEqual([[shown]]);
      sim.uninstall();
    }
  });

  it('shows ######## for a number or date wider than its column, and text whole', async () => {
    sim = new ExcelSimulator({
      sheets: [{ name: 'Plan', rows: [[SERIAL, 123456789012, 'a long piece of text']], numberFormats: { A1: 'd mmmm yyyy' }, columnWidths: { A: 40, B: 40, C: 40 } }],
    }).install(globalThis);
    expect(await textOf(sim, 'A1:C1')).toEqual([['#####', '#####', 'a long piece of text']]);
  });

  it('counts dates from 1904 in a 1904 workbook', async () => {
    sim = new ExcelSimulator({ date1904: true, sheets: [{ name: 'Plan', rows: [[SERIAL - 1462]], numberFormats: { A1: 'yyyy-mm-dd' }, columnWidths: { A: 90 } }] }).install(globalThis);
    expect(await textOf(sim, 'A1')).toEqual([['2026-04-14']]);
  });
});

describe('formulas', () => {
  let sim: ExcelSimulator;
  afterEach(() => sim?.uninstall());

  it('give their result in values and themselves in formulas, and follow their inputs when those change', async () => {
    sim = new ExcelSimulator({ sheets: [{ name: 'Plan', rows: [[SERIAL, { formula: '=A1+13' }, { formula: '=TODAY()', value: 46000 }]] }] }).install(globalThis);
    const read = () => sim.run({}, async (context) => {
      const range = context.workbook.worksheets.getItem('Plan').getRange('A1:C1').load('values, formulas');
      await context.sync();
      return [range.values[0], range.formulas[0]];
    });
    expect(await read()).toEqual([[SERIAL, SERIAL + 13, 46000], [SERIAL, '=A1+13', '=TODAY()']]);
    await sim.run({}, async (context) => {
      context.workbook.worksheets.getItem('Plan').getRange('A1').values = [[SERIAL + 7]];
    });
    // A function the host does not evaluate keeps the result Excel cached.
    expect(await read()).toEqual([[SERIAL + 7, SERIAL + 20, 46000], [SERIAL + 7, '=A1+13', '=TODAY()']]);
  });

  it('written through the API are calculated, and a name the host does not know shows #NAME?', async () => {
    sim = new ExcelSimulator({ sheets: [{ name: 'Plan', rows: [[2, 3]] }] }).install(globalThis);
    await sim.run({}, async (context) => {
      context.workbook.worksheets.getItem('Plan').getRange('C1:D1').formulas = [['=A1*B1+1', '=NOPE(A1)']];
    });
    expect([sim.valueAt('Plan', 'C1'), sim.valueAt('Plan', 'D1'), sim.formulaAt('Plan', 'C1')]).toEqual([7, '#NAME?', '=A1*B1+1']);
  });

  it('shows ######## in a column too narrow, and the date once the column is widened (in points, as Excel measures)', async () => {
    sim = new ExcelSimulator({ sheets: [{ name: 'Plan', rows: [[SERIAL + 0.5]], numberFormats: { A1: 'yyyy-mm-dd hh:mm' } }] }).install(globalThis);
    expect(await textOf(sim, 'A1')).toEqual([['########']]);
    const width = await sim.run({}, async (context) => {
      const format = context.workbook.worksheets.getItem('Plan').getRange('A:A').format;
      format.columnWidth = 90;
      format.load('columnWidth');
      await context.sync();
      return format.columnWidth;
    });
    expect(width).toBe(90);
    expect(await textOf(sim, 'A1')).toEqual([['2026-04-14 12:00']]);
  });
});
