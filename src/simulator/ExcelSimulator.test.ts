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
  it('puts Excel and OfficeExtension on the global object and takes them away again', () => {
    expect(Excel.run).toBe(sim.excel.run);
    expect(Excel.EventSource.remote).toBe('Remote');
    expect(Excel.EventTriggerSource.thisLocalAddin).toBe('ThisLocalAddin');
    expect(Excel.DataChangeType.rangeEdited).toBe('RangeEdited');
    expect(Excel.SheetVisibility.veryHidden).toBe('VeryHidden');
    sim.uninstall();
    expect('Excel' in globalThis).toBe(false);
    expect('OfficeExtension' in globalThis).toBe(false);
    sim.install(globalThis);
  });
});

describe('reading properties', () => {
  it('throws PropertyNotLoaded, synchronously, for a property not loaded and synced', async () => {
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Allocations').getRange('A1:C4');
      expect(codeThrownBy(() => range.values)).toBe('PropertyNotLoaded');
      range.load('address');
      expect(codeThrownBy(() => range.address)).toBe('PropertyNotLoaded');
      await context.sync();
      expect(range.address).toBe('Allocations!A1:C4');
      expect(codeThrownBy(() => range.values)).toBe('PropertyNotLoaded');
    });
  });

  it('throws an error shaped like OfficeExtension.Error', async () => {
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Allocations').getRange('A1');
      let thrown: unknown;
      try {
        void range.values;
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(OfficeExtension.Error);
      expect(thrown).toMatchObject({ name: 'RichApi.Error', code: 'PropertyNotLoaded', debugInfo: { errorLocation: 'Range.values' } });
    });
  });

  it('reads values, error cells, value types, text and number formats as Office.js reports them', async () => {
    const loaded = await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Allocations').getRange('A3:C5');
      range.load(['values', 'valueTypes', 'text', 'numberFormat', 'rowIndex', 'columnIndex', 'rowCount', 'columnCount']);
      await context.sync();
      return range.toJSON();
    });
    expect(loaded.values).toEqual([
      ['bo', 'h100', 4],
      ['cy', '#REF!', true],
      ['', '', ''],
    ]);
    expect(loaded.valueTypes).toEqual([
      ['String', 'String', 'Double'],
      ['String', 'Error', 'Boolean'],
      ['Empty', 'Empty', 'Empty'],
    ]);
    expect(loaded.text).toEqual([
      ['bo', 'h100', '4'],
      ['cy', '#REF!', 'TRUE'],
      ['', '', ''],
    ]);
    expect(loaded.numberFormat).toEqual([['General', 'General', 'General'], ['General', 'General', 'General'], ['General', 'General', 'General']]);
    expect([loaded.rowIndex, loaded.columnIndex, loaded.rowCount, loaded.columnCount]).toEqual([2, 0, 3, 3]);
  });

  it('accepts the load forms Office.js accepts', async () => {
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Allocations');
      const byString = sheet.getRange('A1').load('values, address');
      const bySelect = sheet.getRange('B1').load({ select: 'values' });
      const byObject = sheet.getRange('C1').load({ values: true, format: { fill: { color: true } } });
      const fill = sheet.getRange('C3').format.fill.load();
      await context.sync();
      expect([byString.values, byString.address, bySelect.values, byObject.values]).toEqual([[['Name']], 'Allocations!A1', [['Pool']], [['Chips']]]);
      expect(byObject.format.fill.color).toBe('#FFFFFF');
      expect([fill.color, fill.pattern]).toEqual(['#FFFF00', 'Solid']);
    });
  });

  it("quotes sheet names in addresses: 'Resolution log'!A1", async () => {
    const address = await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('resolution LOG').getRange('A1').load('address');
      await context.sync();
      return range.address;
    });
    expect(address).toBe("'Resolution log'!A1");
  });

  it('reports whole columns and rows the way Excel spells them', async () => {
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Allocations');
      const column = sheet.getRange('G:G').load('address, rowCount');
      const row = sheet.getRange('3:3').load('address');
      await context.sync();
      expect([column.address, column.rowCount, row.address]).toEqual(['Allocations!G:G', 1048576, 'Allocations!3:3']);
    });
  });
});

describe('writing', () => {
  it('queues writes: the workbook changes only at sync, the proxy reads the written value at once', async () => {
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Allocations').getRange('C2');
      range.values = [[16]];
      range.format.fill.color = '#FFFF00';
      expect(range.values).toEqual([[16]]);
      expect(sim.valueAt('Allocations', 'C2')).toBe(8);
      expect(sim.fillAt('Allocations', 'C2')).toBeNull();
      await context.sync();
      expect(sim.valueAt('Allocations', 'C2')).toBe(16);
      expect(sim.fillAt('Allocations', 'C2')).toBe('#FFFF00');
    });
  });

  it('applies writes left after the last sync when Excel.run ends', async () => {
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Allocations').getRange('A2').values = [['zed']];
    });
    expect(sim.valueAt('Allocations', 'A2')).toBe('zed');
  });

  it('drops unsent writes when the batch throws', async () => {
    const failing = Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Allocations').getRange('A2').values = [['zed']];
      throw new Error('adapter bug');
    });
    await expect(failing).rejects.toThrow('adapter bug');
    expect(sim.valueAt('Allocations', 'A2')).toBe('ana');
  });

  it('rejects values whose dimensions differ from the range, at sync, with InvalidArgument', async () => {
    const code = await codeRejectedBy(
      Excel.run(async (context) => {
        const range = context.workbook.worksheets.getItem('Allocations').getRange('A2:B2');
        range.values = [['only one']];
        expect(sim.valueAt('Allocations', 'A2')).toBe('ana');
        await context.sync();
      }),
    );
    expect(code).toBe('InvalidArgument');
  });

  it('writes one value to one cell, a scalar to every cell, and leaves cells under null alone', async () => {
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Allocations');
      sheet.getRange('E1').values = [['single']];
      (sheet.getRange('F1:F2') as { values: unknown }).values = 'both';
      sheet.getRange('A2:C2').values = [[null, 'gpu', null]];
    });
    expect(sim.snapshotValues('Allocations').slice(0, 2)).toEqual([
      ['Name', 'Pool', 'Chips', '', 'single', 'both'],
      ['ana', 'gpu', 8, '', '', 'both'],
    ]);
  });

  it('parses text as Excel parses typed text, and leaves an escaped formula as text', async () => {
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Resolution log').getRange('A2:E2').values = [['42', 'TRUE', '2025-03-01', "'=HYPERLINK(1)", '=HYPERLINK(1)']];
    });
    expect(['A2', 'B2', 'C2', 'D2', 'E2'].map((cell) => sim.valueAt('Resolution log', cell))).toEqual([42, true, 45717, '=HYPERLINK(1)', '#NAME?']);
    expect(sim.numberFormatAt('Resolution log', 'C2')).toBe('yyyy-mm-dd');
    expect(sim.formulaAt('Resolution log', 'E2')).toBe('=HYPERLINK(1)');
  });

  it('keeps text as written in cells formatted as Text (@), and parses ISO date-times elsewhere', async () => {
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Resolution log');
      const asText = sheet.getRange('A3:C3');
      asText.numberFormat = [['@', '@', '@']];
      asText.values = [['2026-02-01 10:00:00', '3', "'=SUM(1)"]];
      sheet.getRange('A4').values = [['2026-02-01 10:00:00']];
      const text = sheet.getRange('A4').load('text');
      await context.sync();
      expect(text.text).toEqual([['2026-02-01 10:00:00']]);
    });
    expect(['A3', 'B3', 'C3'].map((cell) => sim.valueAt('Resolution log', cell))).toEqual(['2026-02-01 10:00:00', '3', '=SUM(1)']);
    expect(sim.valueAt('Resolution log', 'A4')).toBeCloseTo(46054 + 10 / 24, 9);
  });

  it('reports errors in order: writes before the failing action stay, later ones never run', async () => {
    const code = await codeRejectedBy(
      Excel.run(async (context) => {
        const sheets = context.workbook.worksheets;
        sheets.getItem('Allocations').getRange('A2').values = [['first']];
        sheets.getItem('Missing').getRange('A1').values = [['never']];
        sheets.getItem('Allocations').getRange('A3').values = [['third']];
        await context.sync();
      }),
    );
    expect(code).toBe('ItemNotFound');
    expect([sim.valueAt('Allocations', 'A2'), sim.valueAt('Allocations', 'A3')]).toEqual(['first', 'bo']);
  });
});

describe('ranges derived from ranges', () => {
  it('resolves getCell, getResizedRange, getOffsetRange, getRow, getColumn and getEntireRow', async () => {
    const addresses = await Excel.run(async (context) => {
      const table = context.workbook.worksheets.getItem('Allocations').getRange('B2:D5');
      const derived = [
        table.getCell(0, 0),
        table.getCell(5, 5),
        table.getResizedRange(1, -1),
        table.getOffsetRange(-1, 2),
        table.getRow(3),
        table.getColumn(1),
        table.getEntireRow(),
      ].map((range) => range.load('address'));
      await context.sync();
      return derived.map((range) => range.address);
    });
    expect(addresses).toEqual(['Allocations!B2', 'Allocations!G7', 'Allocations!B2:C6', 'Allocations!D1:F4', 'Allocations!B5:D5', 'Allocations!C2:C5', 'Allocations!2:5']);
  });

  it('fails at sync, with InvalidArgument, for a range pushed off the grid', async () => {
    const code = await codeRejectedBy(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem('Allocations').getRange('A1').getOffsetRange(-1, 0).load('address');
        await context.sync();
      }),
    );
    expect(code).toBe('InvalidArgument');
  });

  it('stores number formats and resets them to General with an empty string', async () => {
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Allocations').getRange('C2:C3');
      range.numberFormat = [['0.00'], [null]];
      await context.sync();
      range.load('numberFormat');
      await context.sync();
      expect(range.numberFormat).toEqual([['0.00'], ['General']]);
      range.numberFormat = [[''], ['@']];
    });
    expect([sim.numberFormatAt('Allocations', 'C2'), sim.numberFormatAt('Allocations', 'C3')]).toEqual(['General', '@']);
  });
});

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

  it('tells "No Fill" from white through getCellProperties: pattern None versus Solid', async () => {
    const cells = await Excel.run(async (context) => {
      const properties = context.workbook.worksheets
        .getItem('Allocations')
        .getRange('C2:C4')
        .getCellProperties({ address: true, format: { fill: { color: true, pattern: true } } });
      expect(codeThrownBy(() => properties.value)).toBe('ValueNotLoaded');
      await context.sync();
      return properties.value;
    });
    expect(cells.map(([cell]) => [cell.address, cell.format?.fill?.color, cell.format?.fill?.pattern])).toEqual([
      ['Allocations!C2', '#FFFFFF', 'None'],
      ['Allocations!C3', '#FFFF00', 'Solid'],
      ['Allocations!C4', '#FFFFFF', 'Solid'],
    ]);
  });

  it('reads null for the color of cells that differ', async () => {
    await Excel.run(async (context) => {
      const fill = context.workbook.worksheets.getItem('Allocations').getRange('C2:C3').format.fill.load('color, pattern');
      await context.sync();
      expect([fill.color, fill.pattern]).toEqual([null, null]);
    });
  });

  it('restores "No Fill" with clear()', async () => {
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Allocations').getRange('C3:C4').format.fill.clear();
    });
    expect([sim.fillAt('Allocations', 'C3'), sim.fillAt('Allocations', 'C4')]).toEqual([null, null]);
  });

  it('normalizes colors and rejects unknown ones at sync', async () => {
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Allocations').getRange('A1').format.fill.color = 'yellow';
    });
    expect(sim.fillAt('Allocations', 'A1')).toBe('#FFFF00');
    const code = await codeRejectedBy(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem('Allocations').getRange('A1').format.fill.color = 'not-a-color';
      }),
    );
    expect(code).toBe('InvalidArgument');
  });

  it('sets per-cell fills with setCellProperties', async () => {
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Allocations').getRange('A2:B2').setCellProperties([[{ format: { fill: { color: '#00FF00' } } }, { format: { fill: { pattern: 'None' } } }]]);
    });
    expect([sim.fillAt('Allocations', 'A2'), sim.fillAt('Allocations', 'B2')]).toEqual(['#00FF00', null]);
  });
});

describe('getRanges (RangeAreas)', () => {
  it('paints exactly the cells of many areas with one fill', async () => {
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
    for (const cell of cells) expect(sim.fillAt('Allocations', cell)).toBe('#FFFF00');
    const painted = Object.values(sim.toSheets()[0].fills ?? {}).filter((color) => color === '#FFFF00');
    // 400 painted cells plus C3, yellow from the start.
    expect(painted).toHaveLength(401);
    expect(sim.fillAt('Allocations', 'A11')).toBeNull();
  });

  it('reads one fill for all areas and clears them together', async () => {
    await Excel.run(async (context) => {
      const areas = context.workbook.worksheets.getItem('Allocations').getRanges('C3, E5:E6');
      areas.format.fill.color = '#FFFF00';
      const fill = areas.format.fill.load('color');
      await context.sync();
      expect(fill.color).toBe('#FFFF00');
      areas.format.fill.clear();
    });
    expect(['C3', 'E5', 'E6'].map((cell) => sim.fillAt('Allocations', cell))).toEqual([null, null, null]);
  });

  it('exposes each area through areas.items', async () => {
    await Excel.run(async (context) => {
      const areas = context.workbook.worksheets.getItem('Allocations').getRanges('A1:A3; C5').areas.load('items/address');
      await context.sync();
      expect(areas.items.map((area) => area.address)).toEqual(['Allocations!A1:A3', 'Allocations!C5']);
    });
  });

  it('rejects an address string longer than 8,192 characters at sync with InvalidArgument', async () => {
    const list = Array.from({ length: 1500 }, (_, i) => `A${i + 1}`).join(',');
    const paint = (address: string) =>
      codeRejectedBy(
        Excel.run(async (context) => {
          context.workbook.worksheets.getItem('Allocations').getRanges(address).format.fill.color = '#FFFF00';
          expect(sim.fillAt('Allocations', 'A1')).toBeNull();
          await context.sync();
        }),
      );
    expect(await paint(list.padEnd(8193, ' '))).toBe('InvalidArgument');
    expect(sim.fillAt('Allocations', 'A1')).toBeNull();
    expect(await paint(list.padEnd(8192, ' '))).toBeUndefined();
    expect([sim.fillAt('Allocations', 'A1'), sim.fillAt('Allocations', 'A1500')]).toEqual(['#FFFF00', '#FFFF00']);
  });
});

describe('payload limits', () => {
  it('rejects a request over 5 MB with RequestPayloadSizeLimitExceeded and applies nothing of it', async () => {
    const big = Array.from({ length: 6000 }, () => ['x'.repeat(1000)]);
    const code = await codeRejectedBy(
      Excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem('Allocations');
        sheet.getRange('A2').values = [['small write first']];
        sheet.getRange('H1:H6000').values = big;
        await context.sync();
      }),
    );
    expect(code).toBe('RequestPayloadSizeLimitExceeded');
    expect(sim.stats.requestBytes).toBeGreaterThan(5_000_000);
    expect([sim.valueAt('Allocations', 'A2'), sim.valueAt('Allocations', 'H1')]).toEqual(['ana', '']);
  });

  it('rejects a response over 5 MB with ResponsePayloadSizeLimitExceeded and undoes the batch', async () => {
    const wide = new ExcelSimulator({ sheets: [{ name: 'Big', rows: Array.from({ length: 6000 }, () => ['y'.repeat(1000)]) }] });
    const code = await codeRejectedBy(
      wide.excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem('Big');
        sheet.getRange('B1').values = [['written before the read']];
        sheet.getRange('A1:A6000').load('values');
        await context.sync();
      }),
    );
    expect(code).toBe('ResponsePayloadSizeLimitExceeded');
    expect(wide.valueAt('Big', 'B1')).toBe('');
  });

  it('rejects reading more than 5,000,000 cells in one load', async () => {
    const code = await codeRejectedBy(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem('Allocations').getRange('A:E').load('values');
        await context.sync();
      }),
    );
    expect(code).toBe('RangeExceedsLimit');
  });
});

describe('stats', () => {
  it('counts runs, round trips and payload bytes, and resets', async () => {
    sim.resetStats();
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Allocations').getRange('A1:C2').load('values');
      await context.sync();
      // Nothing queued: Office.js makes no round trip.
      await context.sync();
      range.values = [['a', 'b', 'c'], ['d', 'e', 'f']];
      await context.sync();
    });
    expect(sim.stats.runs).toBe(1);
    expect(sim.stats.syncs).toBe(2);
    expect(sim.stats.responseBytes).toBeGreaterThan(JSON.stringify([['Name', 'Pool', 'Chips'], ['ana', 'trn2', 8]]).length);
    expect(sim.stats.requestBytes).toBeGreaterThan(JSON.stringify([['a', 'b', 'c'], ['d', 'e', 'f']]).length);
    sim.resetStats();
    expect(sim.stats).toEqual({ syncs: 0, requestBytes: 0, responseBytes: 0, runs: 0 });
  });
});

describe('contexts', () => {
  it('rejects an object from an ended Excel.run with InvalidObjectPath', async () => {
    const stale = await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Allocations').getRange('A1').load('values');
      await context.sync();
      return range;
    });
    expect(stale.values).toEqual([['Name']]);
    await Excel.run(async (context) => {
      expect(codeThrownBy(() => (stale.values = [['late']]))).toBe('InvalidObjectPath');
      expect(codeThrownBy(() => stale.load('values'))).toBe('InvalidObjectPath');
      expect(codeThrownBy(() => context.load(stale, 'values'))).toBe('InvalidRequestContext');
      await context.sync();
    });
    expect(sim.valueAt('Allocations', 'A1')).toBe('Name');
  });

  it('keeps tracked objects usable across runs on the same context', async () => {
    const tracked = await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Allocations').getRange('A1');
      context.trackedObjects.add(range);
      return range;
    });
    await Excel.run(tracked, async (context) => {
      tracked.values = [['again']];
      context.trackedObjects.remove(tracked);
      // The reused context's workbook is the root object: never invalidated.
      context.workbook.worksheets.getItem('Allocations').getRange('B1').values = [['fresh']];
      await context.sync();
    });
    expect([sim.valueAt('Allocations', 'A1'), sim.valueAt('Allocations', 'B1')]).toEqual(['again', 'fresh']);
    expect(codeThrownBy(() => (tracked.values = [['after untrack']]))).toBe('InvalidObjectPath');
  });

  it('rejects a batch that does not return a promise', async () => {
    const notAPromise = (() => undefined) as unknown as (context: Excel.RequestContext) => Promise<void>;
    expect(await codeRejectedBy(Excel.run(notAPromise))).toBe('RunMustReturnPromise');
  });
});

describe('worksheets', () => {
  it('fails getItem for a missing sheet at sync, and gives getItemOrNullObject a null object', async () => {
    const missing = await codeRejectedBy(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem('Nope');
        await context.sync();
      }),
    );
    expect(missing).toBe('ItemNotFound');
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject('Nope');
      expect(codeThrownBy(() => sheet.isNullObject)).toBe('PropertyNotLoaded');
      sheet.load('name');
      await context.sync();
      expect(sheet.isNullObject).toBe(true);
      expect(sheet.name).toBeUndefined();
    });
  });

  it('loads names, ids and visibility of all sheets with items/…', async () => {
    const sheets = await Excel.run(async (context) => {
      const worksheets = context.workbook.worksheets.load('items/name, items/visibility, items/position');
      await context.sync();
      return worksheets.items.map((sheet) => [sheet.name, sheet.visibility, sheet.position]);
    });
    expect(sheets).toEqual([
      ['Allocations', 'Visible', 0],
      ['Resolution log', 'Visible', 1],
      ['State', 'VeryHidden', 2],
    ]);
  });

  it('adds, renames, hides and deletes sheets at sync, with Excel’s errors', async () => {
    await Excel.run(async (context) => {
      const added = context.workbook.worksheets.add('Scratch');
      added.load('id, name');
      await context.sync();
      expect(added.id).toBe(sim.sheetId('Scratch'));
      added.name = 'Scratch 2';
      added.visibility = Excel.SheetVisibility.hidden;
      await context.sync();
    });
    expect(sim.visibilityOf('Scratch 2')).toBe('Hidden');
    expect(await codeRejectedBy(Excel.run(async (context: Excel.RequestContext) => void context.workbook.worksheets.add('allocations')))).toBe('ItemAlreadyExists');
    expect(await codeRejectedBy(Excel.run(async (context) => context.workbook.worksheets.getItem('State').delete()))).toBe('InvalidOperation');
    await Excel.run(async (context) => context.workbook.worksheets.getItem('Scratch 2').delete());
    expect(sim.sheetNames()).toEqual(['Allocations', 'Resolution log', 'State']);
  });

  it('gives the used range, A1 for a blank sheet, and a null object from the OrNullObject form', async () => {
    await Excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      const used = sheets.getItem('Allocations').getUsedRange(true).load('address');
      const blank = sheets.getItem('State').getUsedRange().load('address');
      const none = sheets.getItem('State').getUsedRangeOrNullObject().load('address');
      await context.sync();
      expect([used.address, blank.address, none.isNullObject]).toEqual(['Allocations!A1:C4', 'State!A1', true]);
    });
  });

  it('activates sheets and selects ranges; getSelectedRange refuses a multi-area selection', async () => {
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Resolution log').getRange('B2:C3').select();
      const selected = context.workbook.getSelectedRange().load('address');
      await context.sync();
      expect(selected.address).toBe("'Resolution log'!B2:C3");
    });
    expect(sim.activeSheetName()).toBe('Resolution log');
    const code = await codeRejectedBy(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem('Allocations').getRanges('A1, C3').select();
        context.workbook.getSelectedRange().load('address');
        await context.sync();
      }),
    );
    expect(code).toBe('InvalidSelection');
    expect(sim.selectedAddresses()).toEqual(['Allocations!A1', 'Allocations!C3']);
  });
});

describe('toSheets', () => {
  it('round-trips names, visibility, values, errors and fills', () => {
    const copy = new ExcelSimulator({ sheets: sim.toSheets() });
    expect(copy.toSheets()).toEqual(sim.toSheets());
    expect(copy.sheetNames()).toEqual(['Allocations', 'Resolution log', 'State']);
    expect(copy.valueAt('Allocations', 'B4')).toBe('#REF!');
    expect(copy.toSheets()[0].rows?.[3]).toEqual(['cy', { error: '#REF!' }, true]);
    expect([copy.fillAt('Allocations', 'C3'), copy.fillAt('Allocations', 'C4'), copy.fillAt('Allocations', 'C2')]).toEqual(['#FFFF00', '#FFFFFF', null]);
    expect(copy.visibilityOf('State')).toBe('VeryHidden');
  });
});
