import { ExcelSimulator } from './ExcelSimulator';
import { codeRejectedBy, codeThrownBy, sampleSimulator } from './testSupport';

let sim: ExcelSimulator;

beforeEach(() => {
  sim = sampleSimulator().install(globalThis);
});

afterEach(async () => {
  await sim.idle();
  sim.uninstall();
});

describe('install', () => {
  it('makes Microsoft’s client library send this workbook’s requests to the simulated host', async () => {
    const address = await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Allocations').getRange('A2').load('values, address');
      await context.sync();
      return [range.values, range.address];
    });
    expect(address).toEqual([[['ana']], 'Allocations!A2']);
    expect(sim.stats.requests).toBeGreaterThan(0);
  });

  it('answers Office.context.requirements as a host at its ExcelApi version, with the DelayForCellEdit capability', () => {
    sim.uninstall();
    const old = new ExcelSimulator({ sheets: [{ name: 'A' }], excelApi: '1.9', delayForCellEdit: false }).install(globalThis);
    try {
      const supported = (name: string, version?: string) => Office.context.requirements.isSetSupported(name, version);
      expect([supported('ExcelApi', '1.9'), supported('ExcelApi', '1.10'), supported('DelayForCellEdit'), supported('WordApi', '1.1')]).toEqual([true, false, false, false]);
    } finally {
      old.uninstall();
      sim.install(globalThis);
    }
  });

  it('answers nothing once uninstalled: a context made for it fails', async () => {
    const context = new Excel.RequestContext();
    sim.uninstall();
    context.workbook.worksheets.load('items/name');
    await expect(context.sync()).rejects.toThrow(/it was closed/);
    sim.install(globalThis);
  });
});

describe('the client library’s own checks, on the host’s answers', () => {
  it('throws PropertyNotLoaded, synchronously, for a property not loaded and synced', async () => {
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Allocations').getRange('A1:C4');
      expect(codeThrownBy(() => range.values)).toBe('PropertyNotLoaded');
      range.load('address');
      await context.sync();
      expect(range.address).toBe('Allocations!A1:C4');
      expect(codeThrownBy(() => range.values)).toBe('PropertyNotLoaded');
    });
  });

  it('rejects with an OfficeExtension.Error carrying the host’s code and where it failed', async () => {
    let thrown: unknown;
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Missing').getRange('A1').load('values');
      await context.sync();
    }).catch((error: unknown) => (thrown = error));
    expect(thrown).toBeInstanceOf(OfficeExtension.Error);
    expect(thrown).toMatchObject({ name: 'RichApi.Error', code: 'ItemNotFound', debugInfo: { errorLocation: 'WorksheetCollection.getItem' } });
  });

  it('gives getItemOrNullObject a null object, and its ranges read as null objects too', async () => {
    await Excel.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject('Missing');
      const used = missing.getUsedRangeOrNullObject().load('address');
      await context.sync();
      expect([missing.isNullObject, used.isNullObject]).toEqual([true, true]);
    });
  });
});

describe('reading', () => {
  it('reads values, error cells, value types, text, number formats and formulas as Excel reports them', async () => {
    const loaded = await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Allocations').getRange('A3:C5');
      range.load(['values', 'valueTypes', 'text', 'numberFormat', 'formulas', 'rowIndex', 'columnIndex', 'rowCount', 'columnCount']);
      await context.sync();
      return range.toJSON();
    });
    expect(loaded.values).toEqual([['bo', 'h100', 4], ['cy', '#REF!', true], ['', '', '']]);
    expect(loaded.valueTypes).toEqual([['String', 'String', 'Double'], ['String', 'Error', 'Boolean'], ['Empty', 'Empty', 'Empty']]);
    expect(loaded.text).toEqual([['bo', 'h100', '4'], ['cy', '#REF!', 'TRUE'], ['', '', '']]);
    expect(loaded.numberFormat).toEqual([['General', 'General', 'General'], ['General', 'General', 'General'], ['General', 'General', 'General']]);
    expect([loaded.rowIndex, loaded.columnIndex, loaded.rowCount, loaded.columnCount]).toEqual([2, 0, 3, 3]);
  });

  it("quotes sheet names in addresses and spells whole columns and rows as Excel does", async () => {
    await Excel.run(async (context) => {
      const log = context.workbook.worksheets.getItem('resolution LOG').getRange('A1').load('address');
      const column = context.workbook.worksheets.getItem('Allocations').getRange('G:G').load('address, rowCount');
      const row = context.workbook.worksheets.getItem('Allocations').getRange('3:3').load('address');
      await context.sync();
      expect([log.address, column.address, column.rowCount, row.address]).toEqual(["'Resolution log'!A1", 'Allocations!G:G', 1048576, 'Allocations!3:3']);
    });
  });

  it('answers the derived ranges the library asks for', async () => {
    const addresses = await Excel.run(async (context) => {
      const table = context.workbook.worksheets.getItem('Allocations').getRange('B2:D5');
      const derived = [table.getCell(0, 0), table.getCell(5, 5), table.getResizedRange(1, -1), table.getOffsetRange(-1, 2), table.getRow(3), table.getColumn(1), table.getEntireRow(), table.getIntersection('C1:C3')]
        .map((range) => range.load('address'));
      await context.sync();
      return derived.map((range) => range.address);
    });
    expect(addresses).toEqual(['Allocations!B2', 'Allocations!G7', 'Allocations!B2:C6', 'Allocations!D1:F4', 'Allocations!B5:D5', 'Allocations!C2:C5', 'Allocations!2:5', 'Allocations!C2:C3']);
    expect(await codeRejectedBy(Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Allocations').getRange('A1').getOffsetRange(-1, 0).load('address');
      await context.sync();
    }))).toBe('InvalidArgument');
  });

  it('gives the used range, A1 for a blank sheet, and a null object from the OrNullObject form', async () => {
    await Excel.run(async (context) => {
      const used = context.workbook.worksheets.getItem('Allocations').getUsedRange(true).load('address');
      const blank = context.workbook.worksheets.getItem('State').getUsedRange().load('address');
      const none = context.workbook.worksheets.getItem('State').getUsedRangeOrNullObject();
      await context.sync();
      expect([used.address, blank.address, none.isNullObject]).toEqual(['Allocations!A1:C4', 'State!A1', true]);
    });
  });
});

describe('writing', () => {
  it('changes the workbook only at sync, applies what is left when Excel.run ends, and drops it when the batch throws', async () => {
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Allocations').getRange('C2').values = [[16]];
      expect(sim.valueAt('Allocations', 'C2')).toBe(8);
      await context.sync();
      expect(sim.valueAt('Allocations', 'C2')).toBe(16);
      context.workbook.worksheets.getItem('Allocations').getRange('A2').values = [['zed']];
    });
    expect(sim.valueAt('Allocations', 'A2')).toBe('zed');
    await expect(Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Allocations').getRange('A2').values = [['never']];
      throw new Error('adapter bug');
    })).rejects.toThrow('adapter bug');
    expect(sim.valueAt('Allocations', 'A2')).toBe('zed');
  });

  it('refuses values whose dimensions differ from the range, and leaves cells under null alone', async () => {
    expect(await codeRejectedBy(Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Allocations').getRange('A2:B2').values = [['only one']];
      await context.sync();
    }))).toBe('InvalidArgument');
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Allocations').getRange('A2:C2').values = [[null, 'gpu', null]];
    });
    expect(sim.snapshotValues('Allocations')[1]).toEqual(['ana', 'gpu', 8]);
  });

  it('turns written text into what Excel would store: numbers, percentages, booleans, dates with a date format, formulas; an apostrophe keeps text', async () => {
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Resolution log').getRange('A2:G2').values = [['512', '50%', 'TRUE', '2026-05-11', "'2026-05-11", "'=HYPERLINK(1)", '=HYPERLINK(1)']];
    });
    const values = ['A2', 'B2', 'C2', 'D2', 'E2', 'F2', 'G2'].map((cell) => sim.valueAt('Resolution log', cell));
    expect(values).toEqual([512, 0.5, true, 46153, '2026-05-11', '=HYPERLINK(1)', '#NAME?']);
    expect([sim.numberFormatAt('Resolution log', 'D2'), sim.formulaAt('Resolution log', 'G2')]).toEqual(['m/d/yyyy', '=HYPERLINK(1)']);
  });

  it('keeps every string as written, apostrophe included, in cells formatted as Text (@)', async () => {
    await Excel.run(async (context) => {
      const row = context.workbook.worksheets.getItem('Resolution log').getRange('A3:C3');
      row.numberFormat = [['@', '@', '@']];
      row.values = [['2026-02-01 10:00:00', '=SUM(1)', "'3"]];
    });
    expect(['A3', 'B3', 'C3'].map((cell) => sim.valueAt('Resolution log', cell))).toEqual(['2026-02-01 10:00:00', '=SUM(1)', "'3"]);
    expect(sim.formulaAt('Resolution log', 'B3')).toBeUndefined();
  });

  it('stops a request at its first failing action: what ran before stays applied', async () => {
    expect(await codeRejectedBy(Excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.getItem('Allocations').getRange('A2').values = [['first']];
      sheets.getItem('Missing').getRange('A1').values = [['never']];
      sheets.getItem('Allocations').getRange('A3').values = [['third']];
      await context.sync();
    }))).toBe('ItemNotFound');
    expect([sim.valueAt('Allocations', 'A2'), sim.valueAt('Allocations', 'A3')]).toEqual(['first', 'bo']);
  });

  it('receives a write of more than 1,500 cells as several actions, as the library splits it, and applies them all', async () => {
    const values = Array.from({ length: 1000 }, (_, row) => [`r${row}`, row]);
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem('State').getRange('A1:B1000').values = values;
    });
    expect(sim.snapshotValues('State')).toEqual(values);
  });
});

describe('round trips', () => {
  it('counts a request per sync, and one more, just after Excel.run ends, that releases the ranges it kept', async () => {
    sim.resetStats();
    await Excel.run(async (context) => {
      context.workbook.worksheets.load('items/name');
      await context.sync();
    });
    await sim.idle();
    expect(sim.stats.requests).toBe(1);
    sim.resetStats();
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Allocations').getRange('A1').load('values');
      await context.sync();
    });
    expect(sim.stats.requests).toBe(1);
    await sim.idle();
    expect(sim.stats.requests).toBe(2);
    expect(sim.stats.largestRequestBytes).toBeGreaterThan(0);
    expect(sim.stats.requestBytes).toBeGreaterThanOrEqual(sim.stats.largestRequestBytes);
  });
});
