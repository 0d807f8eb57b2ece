import { ExcelSimulator } from './ExcelSimulator';
import { codeRejectedBy, sampleSimulator } from './testSupport';

let sim: ExcelSimulator;

beforeEach(() => {
  sim = sampleSimulator().install(globalThis);
});

afterEach(async () => {
  await sim.idle();
  sim.uninstall();
});

const fillProperties = { format: { fill: { color: true, pattern: true, tintAndShade: true } } };

describe('fills', () => {
  it('reads #FFFFFF for both "No Fill" and white, like Excel (office-js #6218)', async () => {
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Allocations');
      const none = sheet.getRange('C2').format.fill.load('color');
      const white = sheet.getRange('C4').format.fill.load('color');
      await context.sync();
      expect([none.color, white.color]).toEqual(['#FFFFFF', '#FFFFFF']);
    });
    expect([sim.fillAt('Allocations', 'C2'), sim.fillAt('Allocations', 'C4')]).toEqual([null, '#FFFFFF']);
  });

  it('tells "No Fill" from white through getCellProperties: pattern None and no tint versus Solid', async () => {
    const cells = await Excel.run(async (context) => {
      const properties = context.workbook.worksheets.getItem('Allocations').getRange('C2:C4').getCellProperties({ address: true, ...fillProperties });
      await context.sync();
      return properties.value;
    });
    expect(cells.map(([cell]) => [cell.address, cell.format?.fill?.color, cell.format?.fill?.pattern, cell.format?.fill?.tintAndShade])).toEqual([
      ['Allocations!C2', '#FFFFFF', 'None', null],
      ['Allocations!C3', '#FFFF00', 'Solid', 0],
      ['Allocations!C4', '#FFFFFF', 'Solid', 0],
    ]);
  });

  it('reports a theme colour as its base colour and its tint, and a restore must write both', async () => {
    sim.setFillAt('Allocations', 'A2', { color: '#4472C4', tintAndShade: 0.8 });
    await Excel.run(async (context) => {
      const cell = context.workbook.worksheets.getItem('Allocations').getRange('A2');
      const before = cell.getCellProperties(fillProperties);
      await context.sync();
      expect(before.value[0][0].format?.fill).toEqual({ color: '#4472C4', pattern: 'Solid', tintAndShade: 0.8 });
      // A colour alone is an untinted solid fill: the tint must follow it.
      cell.format.fill.color = '#4472C4';
      await context.sync();
      expect(sim.fillDetailsAt('Allocations', 'A2')).toEqual({ color: '#4472C4', pattern: 'Solid', tintAndShade: 0 });
      cell.format.fill.tintAndShade = 0.8;
    });
    expect(sim.fillDetailsAt('Allocations', 'A2')).toEqual({ color: '#4472C4', pattern: 'Solid', tintAndShade: 0.8 });
  });

  it('reads null for what cells do not share', async () => {
    await Excel.run(async (context) => {
      const fill = context.workbook.worksheets.getItem('Allocations').getRange('C2:C3').format.fill.load('color, pattern, tintAndShade');
      await context.sync();
      expect([fill.color, fill.pattern, fill.tintAndShade]).toEqual([null, null, null]);
    });
  });

  it('restores "No Fill" with clear(), normalizes colour names, and refuses unknown colours', async () => {
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Allocations');
      sheet.getRange('C3:C4').format.fill.clear();
      sheet.getRange('A1').format.fill.color = 'yellow';
    });
    expect([sim.fillAt('Allocations', 'C3'), sim.fillAt('Allocations', 'C4'), sim.fillAt('Allocations', 'A1')]).toEqual([null, null, '#FFFF00']);
    expect(await codeRejectedBy(Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Allocations').getRange('A1').format.fill.color = 'not-a-color';
    }))).toBe('InvalidArgument');
  });

  it('sets per-cell fills, patterns and tints with setCellProperties', async () => {
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Allocations').getRange('A2:C2').setCellProperties([[
        { format: { fill: { color: '#00FF00' } } },
        { format: { fill: { pattern: 'None' } } },
        { format: { fill: { color: '#ED7D31', pattern: 'Gray50', tintAndShade: -0.25 } } },
      ]]);
    });
    expect([sim.fillAt('Allocations', 'A2'), sim.fillAt('Allocations', 'B2'), sim.fillDetailsAt('Allocations', 'C2')]).toEqual(['#00FF00', null, { color: '#ED7D31', pattern: 'Gray50', tintAndShade: -0.25 }]);
  });

  it('names the cell properties it does not answer instead of leaving them out', async () => {
    const failure = Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Allocations').getRange('A1').getCellProperties({ format: { font: { bold: true } } });
      await context.sync();
    });
    await expect(failure).rejects.toMatchObject({ code: 'ApiNotFound', message: expect.stringContaining('format.font') });
  });
});

describe('getRanges (RangeAreas)', () => {
  it('paints exactly the cells of many areas with one fill, and clears them together', async () => {
    const cells = Array.from({ length: 400 }, (_, i) => `${String.fromCharCode(65 + (i % 12))}${10 + Math.floor(i / 12) * 2}`);
    const areas = await Excel.run(async (context) => {
      const ranges = context.workbook.worksheets.getItem('Allocations').getRanges(cells.join(', '));
      ranges.format.fill.color = '#FFFF00';
      ranges.load('areaCount, address');
      await context.sync();
      return { count: ranges.areaCount, address: ranges.address };
    });
    expect(areas.count).toBe(400);
    expect(areas.address.split(', ').slice(0, 2)).toEqual(['Allocations!A10', 'Allocations!B10']);
    expect(cells.every((cell) => sim.fillAt('Allocations', cell) === '#FFFF00')).toBe(true);
    expect(sim.fillAt('Allocations', 'A11')).toBeNull();
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Allocations').getRanges(cells.join(',')).format.fill.clear();
    });
    expect(cells.some((cell) => sim.fillAt('Allocations', cell) !== null)).toBe(false);
  });

  it('refuses an address list longer than 8,192 characters with InvalidArgument', async () => {
    const long = Array.from({ length: 1200 }, (_, i) => `A${i + 1}:B${i + 1}`).join(',');
    expect(long.length).toBeGreaterThan(8192);
    expect(await codeRejectedBy(Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Allocations').getRanges(long).format.fill.color = '#FFFF00';
    }))).toBe('InvalidArgument');
  });
});
