import { ExcelSimulator } from './ExcelSimulator';
import { codeRejectedBy, sampleSimulator } from './testSupport';

let sim: ExcelSimulator;
afterEach(async () => {
  await sim.idle();
  sim.uninstall();
});

describe('Excel on the web’s limits, in bytes of the JSON on the wire', () => {
  it('refuses a request over the limit with RequestPayloadSizeLimitExceeded and applies none of it', async () => {
    sim = new ExcelSimulator({ sheets: [{ name: 'S' }], limits: { payloadBytes: 20_000 } }).install(globalThis);
    const big = Array.from({ length: 100 }, () => ['x'.repeat(300)]);
    expect(await codeRejectedBy(sim.run({}, async (context) => {
      context.workbook.worksheets.getItem('S').getRange('B1').values = [['small']];
      context.workbook.worksheets.getItem('S').getRange('A1:A100').values = big;
      await context.sync();
    }))).toBe('RequestPayloadSizeLimitExceeded');
    expect(sim.valueAt('S', 'B1')).toBe('');
  });

  it('refuses an answer over the limit with ResponsePayloadSizeLimitExceeded and undoes the request', async () => {
    sim = new ExcelSimulator({ sheets: [{ name: 'S', rows: Array.from({ length: 100 }, () => ['y'.repeat(300)]) }], limits: { payloadBytes: 20_000 } }).install(globalThis);
    expect(await codeRejectedBy(sim.run({}, async (context) => {
      const sheet = context.workbook.worksheets.getItem('S');
      sheet.getRange('B1').values = [['written']];
      sheet.getRange('A1:A100').load('values');
      await context.sync();
    }))).toBe('ResponsePayloadSizeLimitExceeded');
    expect(sim.valueAt('S', 'B1')).toBe('');
  });

  it('refuses reading more than 5,000,000 cells in one load', async () => {
    sim = sampleSimulator().install(globalThis);
    expect(await codeRejectedBy(Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Allocations').getRange('A:E').load('values');
      await context.sync();
    }))).toBe('RangeExceedsLimit');
  });
});

describe('cell-edit mode', () => {
  const write = () => Excel.run({ delayForCellEdit: true }, async (context) => {
    context.workbook.worksheets.getItem('Allocations').getRange('A2').values = [['after the edit']];
    await context.sync();
  });

  it('makes a run that asked for delayForCellEdit wait while the user edits a cell, on a host with that capability', async () => {
    sim = sampleSimulator().install(globalThis);
    sim.setCellEditMode(true);
    const waiting = write();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(sim.valueAt('Allocations', 'A2')).toBe('ana');
    sim.setCellEditMode(false);
    await waiting;
    expect(sim.valueAt('Allocations', 'A2')).toBe('after the edit');
  });

  it('fails it with InvalidOperationInCellEditMode on a host without it, which Office.js then does not ask to wait', async () => {
    sim = new ExcelSimulator({ sheets: [{ name: 'Allocations', rows: [['ana']] }], delayForCellEdit: false }).install(globalThis);
    sim.setCellEditMode(true);
    expect(await codeRejectedBy(write())).toBe('InvalidOperationInCellEditMode');
    sim.setCellEditMode(false);
  });
});

describe('what the host does not implement, or not at its version', () => {
  it('fails loudly, naming the member, instead of answering nothing', async () => {
    sim = sampleSimulator().install(globalThis);
    const failure = Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Allocations').getRange('A1').format.load('rowHeight');
      await context.sync();
    });
    await expect(failure).rejects.toMatchObject({ code: 'ApiNotFound', message: expect.stringContaining('RangeFormat.rowHeight') });
  });

  it('refuses members above its ExcelApi version at sync, as that Excel would (this client library does not check itself)', async () => {
    for (const [excelApi, queue, needs] of [
      ['1.8', (context: Excel.RequestContext) => context.workbook.worksheets.getItem('S').getRange('A1').getCellProperties({ format: { fill: { color: true } } }), 'ExcelApi 1.9'],
      ['1.3', (context: Excel.RequestContext) => context.workbook.worksheets.getItem('S').getUsedRangeOrNullObject().load('address'), 'ExcelApi 1.4'],
    ] as const) {
      sim = new ExcelSimulator({ sheets: [{ name: 'S' }], excelApi }).install(globalThis);
      const failure = Excel.run(async (context) => {
        queue(context);
        await context.sync();
      });
      await expect(failure).rejects.toMatchObject({ code: 'ApiNotFound', message: expect.stringContaining(`needs ${needs}`) });
      sim.uninstall();
    }
    sim = sampleSimulator().install(globalThis);
  });
});

describe('protected sheets', () => {
  it('read as before but refuse every write with AccessDenied, naming the sheet', async () => {
    sim = sampleSimulator().install(globalThis);
    sim.protectSheet('Allocations');
    const values = await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Allocations').load('protection/protected');
      const range = sheet.getRange('A2').load('values');
      await context.sync();
      return [sheet.protection.protected, range.values];
    });
    expect(values).toEqual([true, [['ana']]]);
    for (const write of [
      (range: Excel.Range) => (range.values = [['x']]),
      (range: Excel.Range) => (range.format.fill.color = '#FFFF00'),
      (range: Excel.Range) => (range.numberFormat = [['@']]),
    ]) {
      const failure = Excel.run(async (context) => {
        write(context.workbook.worksheets.getItem('Allocations').getRange('A2'));
        await context.sync();
      });
      await expect(failure).rejects.toMatchObject({ code: 'AccessDenied', message: expect.stringContaining('"Allocations" is protected') });
    }
    expect([sim.valueAt('Allocations', 'A2'), sim.fillAt('Allocations', 'A2')]).toEqual(['ana', null]);
  });
});

describe('worksheets', () => {
  it('refuse a second sheet of a name a co-author just added, with ItemAlreadyExists', async () => {
    sim = sampleSimulator().install(globalThis);
    const adding = Excel.run(async (context) => {
      context.workbook.worksheets.add('Shared');
      await context.sync();
    });
    sim.beforeNextSync(() => sim.coauthorAddSheet({ name: 'Shared', rows: [['theirs']] }));
    expect(await codeRejectedBy(adding)).toBe('ItemAlreadyExists');
    expect(sim.valueAt('Shared', 'A1')).toBe('theirs');
  });

  it('add, rename, hide and delete at sync, with Excel’s errors', async () => {
    sim = sampleSimulator().install(globalThis);
    await Excel.run(async (context) => {
      const added = context.workbook.worksheets.add('Notes');
      added.visibility = 'Hidden';
      context.workbook.worksheets.getItem('State').name = 'Renamed';
    });
    expect(sim.sheetNames()).toEqual(['Allocations', 'Resolution log', 'Renamed', 'Notes']);
    expect(sim.visibilityOf('Notes')).toBe('Hidden');
    expect(await codeRejectedBy(Excel.run(async (context) => {
      context.workbook.worksheets.add('bad/name');
    }))).toBe('InvalidArgument');
    expect(await codeRejectedBy(Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Renamed').delete();
    }))).toBe('InvalidOperation');
  });

  it('activate and select (RangeAreas.select, typed as ExcelApi 1.18, is missing from this client library); a hidden sheet cannot be activated', async () => {
    sim = sampleSimulator().install(globalThis);
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Resolution log');
      sheet.activate();
      sheet.getRange('A1:B1').select();
    });
    expect([sim.activeSheetName(), sim.selectedAddresses()]).toEqual(['Resolution log', ["'Resolution log'!A1:B1"]]);
    expect(await codeRejectedBy(Excel.run(async (context) => {
      context.workbook.worksheets.getItem('State').activate();
    }))).toBe('InvalidOperation');
  });
});
