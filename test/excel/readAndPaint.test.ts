import { CheckSession } from '../../src/excel/checkSession';
import { ExcelSimulator } from '../../src/simulator';
import { fillsOf, incidentRows, simulatorWith } from './workbooks';

let sim: ExcelSimulator;
afterEach(async () => {
  await sim?.idle();
  sim?.uninstall();
});

describe('reading the workbook', () => {
  it('reads every sheet’s Excel tables into the snapshot, and the check still costs five requests', async () => {
    const log = { name: 'Resolution log', rows: [['When', 'Who'], ['2026-01-01', 'ana']], tables: [{ name: 'Decisions', range: 'A1:B2' }] };
    const sheets = simulatorWith(incidentRows(), {}, [log]).toSheets();
    sim = new ExcelSimulator({ sheets: sheets.map((sheet) => (sheet.name === 'Allocations' ? { ...sheet, tables: [{ name: 'Bookings', range: 'A1:L5' }] } : sheet)) }).install(globalThis);
    const session = new CheckSession();
    await session.check();
    await sim.idle();
    const tables = session.getState().checked!.snapshot.sheets.map((sheet) => [sheet.name, sheet.tables]);
    expect(tables).toEqual([
      ['Allocations', [{ name: 'Bookings', range: { row: 0, column: 0, rowCount: 5, columnCount: 12 }, hasHeaderRow: true, hasTotalsRow: false, columns: expect.arrayContaining(['ID', 'Notes']) }]],
      ['Resolution log', [{ name: 'Decisions', range: { row: 0, column: 0, rowCount: 2, columnCount: 2 }, hasHeaderRow: true, hasTotalsRow: false, columns: ['When', 'Who'] }]],
    ]);
    expect(sim.stats.requests).toBe(5);
  });

  it('says clearly when Excel answers a read without its values, and changes nothing', async () => {
    sim = simulatorWith(incidentRows()).install(globalThis);
    const session = new CheckSession();
    sim.answerValuesWithNull('Allocations!A1:L5');
    await session.check();
    expect(session.getState().notice).toEqual({ kind: 'error', text: "The check failed: Excel answered the read of Allocations!A1:L5 without its values; nothing was changed. Check again in a moment." });
    expect(sim.sheetNames()).toEqual(['Allocations']);
    await session.check();
    expect(session.getState().notice).toBeNull();
  });
});

describe('painting', () => {
  it('gives theme colours back exactly, tint included', async () => {
    const themed = { color: '#5B9BD5', tintAndShade: 0.7999816888943144 };
    sim = new ExcelSimulator({ sheets: simulatorWith(incidentRows()).toSheets().map((sheet) => ({ ...sheet, fills: { 'A2:L3': themed } })) }).install(globalThis);
    const before = ['G2', 'J3', 'A2'].map((cell) => sim.fillDetailsAt('Allocations', cell));
    const session = new CheckSession();
    await session.check();
    expect(sim.fillAt('Allocations', 'G2')).toBe('#FFFF00');
    const report = session.getState().checked!.report;
    await session.apply({ kind: 'accept', conflictId: report.conflicts[0].id, reason: 'agreed' });
    expect(['G2', 'J3', 'A2'].map((cell) => sim.fillDetailsAt('Allocations', cell))).toEqual(before);
    expect(before[0]).toEqual({ ...themed, pattern: 'Solid' });
  });

  it('paints in one request, which one Ctrl+Z takes back', async () => {
    sim = simulatorWith(incidentRows()).install(globalThis);
    const before = fillsOf(sim, 'Allocations', 5);
    await new CheckSession().check();
    await sim.idle();
    expect(sim.stats.changingRequests).toBe(1);
    expect(fillsOf(sim, 'Allocations', 5)).not.toEqual(before);
  });
});
