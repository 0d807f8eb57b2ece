import { ExcelSimulator } from './ExcelSimulator';
import { sampleSimulator } from './testSupport';

let sim: ExcelSimulator;

beforeEach(() => {
  sim = sampleSimulator().install(globalThis);
});

afterEach(async () => {
  await sim.idle();
  sim.uninstall();
});

type Seen = Pick<Excel.WorksheetChangedEventArgs, 'type' | 'worksheetId' | 'address' | 'changeType' | 'source' | 'triggerSource'>;

/** Registers a worksheet onChanged handler that records what it receives. */
async function listen(sheetName: string): Promise<Seen[]> {
  const seen: Seen[] = [];
  await Excel.run(async (context) => {
    context.workbook.worksheets.getItem(sheetName).onChanged.add(async ({ type, worksheetId, address, changeType, source, triggerSource }) => {
      seen.push({ type, worksheetId, address, changeType, source, triggerSource });
    });
    await context.sync();
  });
  return seen;
}

describe('onChanged', () => {
  it('reports the add-in’s own writes as Local / ThisLocalAddin, after the run, not during it, on a host of ExcelApi 1.14 or later', async () => {
    sim.uninstall();
    sim = new ExcelSimulator({ sheets: sampleSimulator().toSheets(), excelApi: '1.14' }).install(globalThis);
    const seen = await listen('Allocations');
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Allocations').getRange('B2:C2').values = [['h100', 2]];
      await context.sync();
      expect(seen).toEqual([]);
    });
    await sim.idle();
    expect(seen).toEqual([{ type: 'WorksheetChanged', worksheetId: sim.sheetId('Allocations'), address: 'B2:C2', changeType: 'RangeEdited', source: 'Local', triggerSource: 'ThisLocalAddin' }]);
  });

  it('says nothing of what caused a change below ExcelApi 1.14: triggerSource is undefined', async () => {
    sim.uninstall();
    sim = new ExcelSimulator({ sheets: sampleSimulator().toSheets(), excelApi: '1.13' }).install(globalThis);
    const seen = await listen('Allocations');
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Allocations').getRange('B2').values = [['h100']];
    });
    sim.coauthorEdit('Allocations', 'C2', 3);
    await sim.idle();
    expect(seen.map(({ address, source, triggerSource }) => [address, source, triggerSource])).toEqual([['B2', 'Local', undefined], ['C2', 'Remote', undefined]]);
  });

  it('reports a user’s edit as Local / Unknown and a co-author’s as Remote', async () => {
    const seen = await listen('Allocations');
    sim.userEdit('Allocations', 'C2', 12);
    sim.coauthorEdit('Allocations', 'A3:B3', [['bea', 'trn2']]);
    await sim.idle();
    expect(seen.map(({ address, source }) => [address, source])).toEqual([
      ['C2', 'Local'],
      ['A3:B3', 'Remote'],
    ]);
    expect([sim.valueAt('Allocations', 'C2'), sim.valueAt('Allocations', 'A3')]).toEqual([12, 'bea']);
  });

  it('does not report format changes, nor changes on other sheets', async () => {
    const seen = await listen('Allocations');
    await Excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.getItem('Allocations').getRange('A1').format.fill.color = '#FFFF00';
      sheets.getItem('Resolution log').getRange('A2').values = [['logged']];
    });
    await sim.idle();
    expect(seen).toEqual([]);
  });

  it('reports every sheet to workbook.worksheets.onChanged, with before and after for one cell', async () => {
    const seen: Excel.WorksheetChangedEventArgs[] = [];
    await Excel.run(async (context) => {
      context.workbook.worksheets.onChanged.add(async (event) => {
        seen.push(event);
      });
    });
    sim.userEdit('Resolution log', 'B2', 'accepted');
    sim.coauthorEdit('Allocations', 'C2', 9);
    await sim.idle();
    expect(seen.map((event) => [event.worksheetId, event.address])).toEqual([
      [sim.sheetId('Resolution log'), 'B2'],
      [sim.sheetId('Allocations'), 'C2'],
    ]);
    expect(seen[1].details).toMatchObject({ valueBefore: 8, valueAfter: 9, valueTypeBefore: 'Double', valueTypeAfter: 'Double' });
  });

  it('lets a handler run Excel.run again, reading the changed range through getRange(context)', async () => {
    const reread: unknown[] = [];
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Allocations').onChanged.add(async (event) => {
        await Excel.run(async (inner) => {
          const range = event.getRange(inner).load('values');
          await inner.sync();
          reread.push(range.values);
        });
      });
    });
    sim.coauthorEdit('Allocations', 'C3', 5);
    await sim.idle();
    expect(reread).toEqual([[[5]]]);
  });

  it('never registers a handler whose add() was not followed by a sync of that context', async () => {
    const seen: unknown[] = [];
    const context = new Excel.RequestContext();
    context.workbook.worksheets.getItem('Allocations').onChanged.add(async (event) => {
      seen.push(event);
    });
    sim.userEdit('Allocations', 'A2', 'x');
    await sim.idle();
    expect(seen).toEqual([]);
  });

  it('stops calling a handler once remove() is synced through the context that added it', async () => {
    const seen: string[] = [];
    const registration = await Excel.run(async (context) => {
      const result = context.workbook.worksheets.getItem('Allocations').onChanged.add(async (event) => {
        seen.push(event.address);
      });
      await context.sync();
      return result;
    });
    sim.userEdit('Allocations', 'A2', 'first');
    await sim.idle();
    await Excel.run(registration.context, async (context) => {
      registration.remove();
      await context.sync();
    });
    sim.userEdit('Allocations', 'A2', 'second');
    await sim.idle();
    expect(seen).toEqual(['A2']);
  });

  it('keeps delivering after a handler throws, as Office.js swallows what handlers throw', async () => {
    const seen: string[] = [];
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Allocations').onChanged.add(async (event) => {
        seen.push(event.address);
        throw new Error('handler bug');
      });
    });
    sim.userEdit('Allocations', 'A2', 'x');
    sim.userEdit('Allocations', 'A3', 'y');
    await sim.idle();
    expect(seen).toEqual(['A2', 'A3']);
  });
});

describe('co-author edits between requests', () => {
  it('lands before the chosen request, so a re-read sees it and a stale write can be refused', async () => {
    sim.onSync(sim.stats.requests + 2, () => sim.coauthorEdit('Allocations', 'C2', 99));
    const outcome = await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Allocations');
      const first = sheet.getRange('C2').load('values');
      await context.sync();
      const again = sheet.getRange('C2').load('values');
      await context.sync();
      if (again.values[0][0] !== first.values[0][0]) return 'refused';
      sheet.getRange('C2').values = [[first.values[0][0] + 1]];
      return 'written';
    });
    expect(outcome).toBe('refused');
    expect(sim.valueAt('Allocations', 'C2')).toBe(99);
  });

  it('runs a beforeNextSync hook once, before the next request only', async () => {
    let calls = 0;
    sim.beforeNextSync(() => {
      calls += 1;
      sim.coauthorEdit('Allocations', 'A2', 'changed');
    });
    const values = await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Allocations').getRange('A2').load('values');
      await context.sync();
      await context.sync();
      range.load('values');
      await context.sync();
      return range.values;
    });
    expect([calls, values]).toEqual([1, [['changed']]]);
  });
});

describe('removing a handler', () => {
  it('does nothing through another context: Office.js removes it only through the one that added it', async () => {
    const seen: string[] = [];
    const registration = await Excel.run(async (context) => {
      const result = context.workbook.worksheets.onChanged.add(async (event) => {
        seen.push(event.address);
      });
      await context.sync();
      return result;
    });
    await Excel.run(async (context) => {
      registration.remove();
      await context.sync();
    });
    sim.userEdit('Allocations', 'A2', 'still heard');
    await sim.idle();
    expect(seen).toEqual(['A2']);
  });
});
