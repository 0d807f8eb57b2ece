import { RESOLUTION_LOG_COLUMNS, suggestionsFor } from '../../src/core';
import { CheckSession } from '../../src/excel/checkSession';
import { ExcelSimulator } from '../../src/simulator';
import { booking, incidentRows, loggedWhen, Row, serial, simulatorWith } from './workbooks';

let sim: ExcelSimulator;
afterEach(async () => {
  await sim?.idle();
  sim?.uninstall();
});

const session = () => new CheckSession({ who: () => 'Dana (lead)', now: () => new Date('2026-02-01T10:00:00Z') });

/** Checks, then applies the first shift suggested for the first conflict. */
async function checkAndShift(checking: CheckSession) {
  await checking.check();
  const report = checking.getState().checked!.report;
  const shift = suggestionsFor(report, report.conflicts[0]).shifts[0];
  await checking.apply(shift);
  return shift;
}

/** The incident with row 3's Start and End typed as text, as a planner may paste them. */
function textDateRows(): Row[] {
  const rows = incidentRows();
  rows[1] = [...rows[1]];
  rows[1][8] = '2026-03-09';
  rows[1][9] = '2026-03-22';
  return rows;
}

describe('a resolution of rows whose dates or chips are text', () => {
  it('keeps them text, so its Undo finds what it wrote and gives the text back', async () => {
    sim = simulatorWith(textDateRows()).install(globalThis);
    const checking = session();
    const shift = await checkAndShift(checking);
    expect(shift).toMatchObject({ row: 3, days: 14 });
    expect([sim.valueAt('Allocations', 'I3'), sim.valueAt('Allocations', 'J3')]).toEqual(['2026-03-23', '2026-04-05']);
    await checking.undo();
    expect(checking.getState().notice).toEqual({ kind: 'info', text: expect.stringMatching(/^Undone: Shift Lab B/) });
    expect([sim.valueAt('Allocations', 'I3'), sim.valueAt('Allocations', 'J3')]).toEqual(['2026-03-09', '2026-03-22']);
  });

  it('shrinks chips typed as text to text, and undoes it', async () => {
    const rows = incidentRows();
    rows[1] = booking({ id: 'P-2', lab: 'Lab B', team: 'FT sprint', workload: 'fine-tuning', provider: 'AWS', region: 'us-east-1', silicon: 'Trainium2', chips: '512', start: '2026-03-09', end: '2026-03-22' });
    sim = simulatorWith(rows, {}, [{ name: 'Capacity', rows: [['Provider', 'Region', 'Silicon', 'Chips', 'Start', 'End'], ['AWS', 'us-east-1', 'Trainium2', 2304, serial('2026-01-01'), serial('2026-12-31')]] }]).install(globalThis);
    const checking = session();
    await checking.check();
    const report = checking.getState().checked!.report;
    const shrink = suggestionsFor(report, report.conflicts[0]).shrinks.find((candidate) => candidate.row === 3);
    expect(shrink).toBeDefined();
    await checking.apply(shrink!);
    expect(sim.valueAt('Allocations', 'H3')).toBe(String(shrink!.chips));
    await checking.undo();
    expect(sim.valueAt('Allocations', 'H3')).toBe('512');
  });
});

describe('a resolution of a booking whose End is a formula', () => {
  it('shifts its Start only, and the End follows its formula', async () => {
    const rows = incidentRows();
    rows[1] = [...rows[1]];
    rows[1][9] = { formula: '=I3+13' } as unknown as string;
    sim = simulatorWith(rows).install(globalThis);
    const checking = session();
    await checkAndShift(checking);
    expect(checking.getState().notice?.kind).toBe('info');
    expect([sim.valueAt('Allocations', 'I3'), sim.formulaAt('Allocations', 'J3'), sim.valueAt('Allocations', 'J3')]).toEqual([serial('2026-03-23'), '=I3+13', serial('2026-04-05')]);
    expect(checking.getState().checked!.report.conflicts).toEqual([]);
    await checking.undo();
    expect([sim.valueAt('Allocations', 'I3'), sim.formulaAt('Allocations', 'J3'), sim.valueAt('Allocations', 'J3')]).toEqual([serial('2026-03-09'), '=I3+13', serial('2026-03-22')]);
  });

  it('refuses, naming the cell, when the formula would not follow, and writes nothing', async () => {
    const rows = incidentRows();
    rows[1] = [...rows[1]];
    rows[1][9] = { formula: '=I3+13', value: serial('2026-03-22') } as unknown as string;
    rows[1][8] = { formula: '=TODAY()', value: serial('2026-03-09') } as unknown as string;
    sim = simulatorWith(rows).install(globalThis);
    const checking = session();
    await checkAndShift(checking);
    expect(checking.getState().notice).toEqual({ kind: 'warning', text: expect.stringMatching(/^Not applied: I3 holds a formula \(=TODAY\(\)\).*Nothing was written\.$/) });
    expect([sim.formulaAt('Allocations', 'I3'), sim.formulaAt('Allocations', 'J3')]).toEqual(['=TODAY()', '=I3+13']);
    expect(sim.sheetNames()).not.toContain('Resolution log');
  });
});

describe('the Resolution log as an Excel table', () => {
  it('gets each entry as a table row, so the table grows and its formats and calculated columns extend', async () => {
    const header = [...RESOLUTION_LOG_COLUMNS, 'Entry'];
    const first = ['2026-01-30 09:00:00', 'Ana', 'C-old', 'accept', '4', '', '', 'agreed', { formula: '=B2&" "&D2' }];
    sim = simulatorWith(incidentRows(), {}, [{
      name: 'Resolution log',
      rows: [header, first] as never,
      numberFormats: { 'A2:H2': '@' },
      fills: { 'A2:I2': '#E2EFDA' },
      tables: [{ name: 'Decisions', range: 'A1:I2' }],
    }]).install(globalThis);
    const checking = session();
    await checkAndShift(checking);
    expect(sim.tablesOf('Resolution log')[0].range).toBe('A1:I3');
    const row = sim.snapshotValues('Resolution log')[2];
    expect(row.slice(0, 4)).toEqual([loggedWhen(new Date('2026-02-01T10:00:00Z')).serial, 'Dana (lead)', checking.getState().checked!.report.conflicts[0]?.id ?? row[2], 'shift']);
    expect([row[8], sim.formulaAt('Resolution log', 'I3'), sim.fillAt('Resolution log', 'E3')]).toEqual(['Dana (lead) shift', '=B3&" "&D3', '#E2EFDA']);
  });
});

describe('a resolution and what Ctrl+Z takes back', () => {
  it('writes its cells, its log row, the remembered fills and the paint in one request, one step of Excel’s undo stack', async () => {
    sim = simulatorWith(incidentRows()).install(globalThis);
    const checking = session();
    await checking.check();
    await sim.idle();
    expect(sim.stats.changingRequests).toBe(1);
    sim.resetStats();
    const report = checking.getState().checked!.report;
    await checking.apply(suggestionsFor(report, report.conflicts[0]).shifts[0]);
    await sim.idle();
    expect([sim.stats.changingRequests, sim.stats.requests]).toEqual([1, 3]);
    expect(sim.fillAt('Allocations', 'G3')).not.toBe('#FFFF00');
  });
});

describe('protected sheets', () => {
  it('a check of a protected allocation sheet lists its conflicts, paints nothing and says why', async () => {
    sim = simulatorWith(incidentRows()).install(globalThis);
    sim.protectSheet('Allocations');
    const checking = session();
    await checking.check();
    expect(checking.getState().checked!.report.conflicts).toHaveLength(1);
    expect(checking.getState().notice).toEqual({ kind: 'warning', text: expect.stringContaining('"Allocations" is protected, so its conflicts are listed but not painted') });
    expect([sim.fillAt('Allocations', 'G2'), sim.sheetNames()]).toEqual([null, ['Allocations']]);
  });

  it('a resolution on a protected sheet writes nothing, not even its log row, and says which sheet', async () => {
    sim = simulatorWith(incidentRows()).install(globalThis);
    const checking = session();
    await checking.check();
    sim.protectSheet('Allocations');
    const report = checking.getState().checked!.report;
    await checking.apply(suggestionsFor(report, report.conflicts[0]).shifts[0]);
    expect(checking.getState().notice).toEqual({ kind: 'warning', text: 'Not applied: the sheet "Allocations" is protected. Unprotect it (Review › Unprotect Sheet) and try again. Nothing was written.' });
    expect([sim.valueAt('Allocations', 'I3'), sim.sheetNames()]).toEqual([serial('2026-03-09'), ['Allocations', 'CapacityCheck state']]);
    expect(checking.getState().undoLabel).toBeNull();
  });
});

describe('two co-authors’ add-ins at once', () => {
  it('both succeed when each adds the state sheet: the second finds it added, checks again with its co-author’s fills, and paints', async () => {
    sim = simulatorWith(incidentRows()).install(globalThis);
    const [mine, theirs] = [session(), session()];
    await Promise.all([mine.check(), theirs.check()]);
    for (const checking of [mine, theirs]) expect(checking.getState().notice).toBeNull();
    expect(sim.sheetNames()).toEqual(['Allocations', 'CapacityCheck state']);
    expect(sim.fillAt('Allocations', 'G2')).toBe('#FFFF00');
  });

  it('both succeed when each adds the Resolution log with their resolution', async () => {
    const rows = [...incidentRows(), booking({ id: 'P-5', lab: 'Lab C', team: 'Eval', workload: 'evaluation', provider: 'Google Cloud', region: 'us-east5', silicon: 'TPU v5p', chips: 4096, start: '2026-03-05', end: '2026-03-10' })];
    sim = simulatorWith(rows).install(globalThis);
    const [mine, theirs] = [session(), session()];
    await Promise.all([mine.check(), theirs.check()]);
    const report = mine.getState().checked!.report;
    const [first, second] = report.conflicts.map((conflict) => suggestionsFor(report, conflict).shifts[0]);
    await Promise.all([mine.apply(first), theirs.apply(second)]);
    for (const checking of [mine, theirs]) expect(checking.getState().notice?.kind).toBe('info');
    expect(sim.snapshotValues('Resolution log').map((row) => row[3])).toEqual(['Action', 'shift', 'shift']);
  });
});

