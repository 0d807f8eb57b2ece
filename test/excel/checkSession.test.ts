import { CheckSession } from '../../src/excel/checkSession';
import { STATE_SHEET } from '../../src/core';
import { ExcelSimulator } from '../../src/simulator/ExcelSimulator';
import { booking, fillsOf, HEADER, incidentFills, incidentRows, loggedWhen, serial, simulatorWith } from './workbooks';

const YELLOW = '#FFFF00';
const CONFLICT_CELLS = ['G2', 'H2', 'I2', 'J2', 'G3', 'H3', 'I3', 'J3'];

let sim: ExcelSimulator;
afterEach(() => sim?.uninstall());

function start(rows = incidentRows(), fills = incidentFills()): { sim: ExcelSimulator; session: CheckSession } {
  sim = simulatorWith(rows, fills).install(globalThis);
  return { sim, session: new CheckSession({ who: () => 'Dana (lead)', now: () => new Date('2026-02-01T10:00:00Z'), debounceMs: 5 }) };
}

function logRows(simulator: ExcelSimulator): Array<Array<string | number | boolean>> {
  return simulator.snapshotValues('Resolution log').slice(1);
}

describe('CheckSession on the Excel simulator', () => {
  describe('a check', () => {
    it('fills exactly the Silicon, Chips, Start and End cells of the double-booked rows yellow and leaves every other fill alone', async () => {
      const { sim, session } = start();
      const before = fillsOf(sim, 'Allocations', 5);
      await session.check();
      const after = fillsOf(sim, 'Allocations', 5);
      for (const [address, fill] of Object.entries(after)) {
        expect([address, fill]).toEqual([address, CONFLICT_CELLS.includes(address) ? YELLOW : before[address]]);
      }
      const report = session.getState().checked?.report;
      expect(report?.conflicts.map((conflict) => conflict.rows)).toEqual([[2, 3]]);
    });

    it('remembers the replaced fills in a very hidden sheet, not in any visible cell', async () => {
      const { sim, session } = start();
      await session.check();
      expect(sim.visibilityOf(STATE_SHEET)).toBe('VeryHidden');
      const state = sim.snapshotValues(STATE_SHEET);
      expect(state.map((row) => row.slice(0, 5))).toEqual(
        expect.arrayContaining([['fill', 'Allocations', 'G2', '#FCE4D6', 'Solid'], ['fill', 'Allocations', 'J3', '#DDEBF7', 'Solid']]),
      );
      // Each remembered cell names whose booking it belongs to, to find it again if rows move.
      expect(state.find((row) => row[2] === 'G2')?.[5]).toBe(JSON.stringify(['P-1', 'Lab A', 'Pretrain', 'pre-training', '']));
    });

    it('finds its painted cells again after rows were inserted above them, and restores each row’s own colour', async () => {
      const { sim, session } = start();
      const before = fillsOf(sim, 'Allocations', 5);
      await session.check();
      // Someone (perhaps without the add-in) inserts two rows at row 2: every row, with its fill, moves down two.
      const values = sim.snapshotValues('Allocations');
      const fills = fillsOf(sim, 'Allocations', 5);
      sim.setValueAt('Allocations', 'A2:L3', [Array(12).fill(null), Array(12).fill(null)]);
      for (const [address, fill] of Object.entries(fills)) {
        const row = Number(address.slice(1));
        if (row >= 2) sim.setFillAt('Allocations', `${address[0]}${row + 2}`, fill);
        if (row === 2 || row === 3) sim.setFillAt('Allocations', address, null);
      }
      sim.setValueAt('Allocations', 'A4', values.slice(1));
      await session.check();
      expect(session.getState().checked!.report.conflicts.map((conflict) => conflict.rows)).toEqual([[4, 5]]);
      // The conflict ends: every moved row gets its own colour back, two rows further down.
      sim.setValueAt('Allocations', 'K5', 'cancelled');
      await session.check();
      for (const [address, fill] of Object.entries(before)) {
        const row = Number(address.slice(1));
        if (row >= 2) expect([address, sim.fillAt('Allocations', `${address[0]}${row + 2}`)]).toEqual([address, fill]);
      }
      expect(sim.fillAt('Allocations', 'G2')).toBeNull();
    });

    it('reports a workbook without an allocation table in one sentence and paints nothing', async () => {
      sim = new ExcelSimulator({ sheets: [{ name: 'Notes', rows: [['hello']] }] }).install(globalThis);
      const session = new CheckSession();
      await session.check();
      expect(session.getState().problem).toMatch(/^No allocation table/);
      expect(sim.sheetNames()).toEqual(['Notes']);
    });
  });

  describe('when an edit ends the conflict', () => {
    it('gives every painted cell its own fill back: lab colours, and no fill as no fill rather than white', async () => {
      const rows = incidentRows();
      rows[1] = booking({ id: 'P-2', lab: 'Lab B', team: 'FT sprint', workload: 'fine-tuning', provider: 'AWS', region: 'us-east-1', silicon: 'Trainium2', chips: 512, start: '2026-03-09', end: '2026-03-22', status: 'tentative' });
      const fills = { 'A2:L2': '#FCE4D6', 'A4:L4': '#FFFFFF' }; // row 3 has no fill at all
      const { sim, session } = start(rows, fills);
      const before = fillsOf(sim, 'Allocations', 5);
      await session.check();
      expect(sim.fillAt('Allocations', 'G3')).toBe(YELLOW);
      sim.setValueAt('Allocations', 'I3:J3', [[serial('2026-03-23'), serial('2026-04-05')]]);
      await session.check();
      expect(fillsOf(sim, 'Allocations', 5)).toEqual(before);
      expect(sim.fillAt('Allocations', 'G3')).toBeNull();
    });

    it('restores from the remembered fills even in a new session, as after reopening the workbook', async () => {
      const { sim, session } = start();
      const before = fillsOf(sim, 'Allocations', 5);
      await session.check();
      sim.setValueAt('Allocations', 'K3', 'cancelled');
      await new CheckSession().check();
      expect(fillsOf(sim, 'Allocations', 5)).toEqual(before);
    });

    it('never repaints a cell the user recoloured while it was yellow', async () => {
      const { sim, session } = start();
      await session.check();
      sim.setFillAt('Allocations', 'H2', '#FF0000');
      sim.setValueAt('Allocations', 'K3', 'released');
      await session.check();
      expect(sim.fillAt('Allocations', 'H2')).toBe('#FF0000');
      expect(sim.fillAt('Allocations', 'G2')).toBe('#FCE4D6');
    });
  });

  describe('giving the pane a turn', () => {
    it('yields after reading the workbook and after checking it, before anything is painted, and after a resolution is written', async () => {
      sim = simulatorWith(incidentRows(), incidentFills()).install(globalThis);
      const turns: Array<{ requests: number; yellow: boolean; written: boolean }> = [];
      const yieldToPane = async () => {
        turns.push({ requests: sim.stats.requests, yellow: sim.fillAt('Allocations', 'G2') === YELLOW, written: sim.valueAt('Allocations', 'I3') !== serial('2026-03-09') });
      };
      const session = new CheckSession({ who: () => 'Dana (lead)', yieldToPane });
      await session.check();
      const afterRead = turns[0].requests;
      expect(turns).toEqual([{ requests: afterRead, yellow: false, written: false }, { requests: afterRead, yellow: false, written: false }]);
      expect(sim.fillAt('Allocations', 'G2')).toBe(YELLOW);

      turns.length = 0;
      const { suggestionsFor } = await import('../../src/core');
      const report = session.getState().checked!.report;
      await session.apply(suggestionsFor(report, report.conflicts[0]).shifts[0]);
      // One turn once Excel has stored the shift, before the check of what it stored.
      expect(turns).toHaveLength(1);
      expect(turns[0]).toMatchObject({ written: true, yellow: false });
    });
  });

  describe('resolving a conflict', () => {
    it('shifts the suggested booking, clears its yellow and logs the change', async () => {
      const { sim, session } = start();
      await session.check();
      const { suggestionsFor } = await import('../../src/core');
      const report = session.getState().checked!.report;
      const shift = suggestionsFor(report, report.conflicts[0]).shifts[0];
      expect(shift).toMatchObject({ kind: 'shift', row: 3, days: 14 });
      await session.apply(shift);
      expect([sim.valueAt('Allocations', 'I3'), sim.valueAt('Allocations', 'J3')]).toEqual([serial('2026-03-23'), serial('2026-04-05')]);
      expect(session.getState().checked?.report.conflicts).toEqual([]);
      for (const address of CONFLICT_CELLS) expect(sim.fillAt('Allocations', address)).not.toBe(YELLOW);
      // When is a real date-time in the user's local time, in a column wide enough to show it.
      expect(sim.textAt('Resolution log', 'A2')).toBe(loggedWhen(new Date('2026-02-01T10:00:00Z')).text);
      expect(logRows(sim)).toEqual([
        [
          loggedWhen(new Date('2026-02-01T10:00:00Z')).serial, 'Dana (lead)', report.conflicts[0].id, 'shift', '3',
          'I3 = 2026-03-09; J3 = 2026-03-22', 'I3 = 2026-03-23; J3 = 2026-04-05', 'Shift Lab B / FT sprint by +14 days (23 Mar – 5 Apr 2026)',
        ],
      ]);
    });

    it('refuses, keeps the co-author’s value and checks again when a co-author changed the cells since the check', async () => {
      const { sim, session } = start();
      await session.check();
      const report = session.getState().checked!.report;
      const { suggestionsFor } = await import('../../src/core');
      const shift = suggestionsFor(report, report.conflicts[0]).shifts[0];
      sim.beforeNextSync(() => sim.coauthorEdit('Allocations', 'I3', serial('2026-03-10')));
      await session.apply(shift);
      expect(sim.valueAt('Allocations', 'I3')).toBe(serial('2026-03-10'));
      expect(sim.valueAt('Allocations', 'J3')).toBe(serial('2026-03-22'));
      expect(session.getState().notice).toEqual({ kind: 'warning', text: expect.stringContaining('I3 changed since the last check') });
      expect(sim.sheetNames()).not.toContain('Resolution log');
      expect(session.getState().checked?.report.conflicts[0].start).not.toBe(report.conflicts[0].start);
    });

    it('undoes the last resolution while its cells are unchanged, and logs the undo', async () => {
      const { sim, session } = start();
      await session.check();
      const report = session.getState().checked!.report;
      const { suggestionsFor } = await import('../../src/core');
      await session.apply(suggestionsFor(report, report.conflicts[0]).shifts[0]);
      expect(session.getState().undoLabel).toMatch(/^Shift Lab B/);
      await session.undo();
      expect([sim.valueAt('Allocations', 'I3'), sim.valueAt('Allocations', 'J3')]).toEqual([serial('2026-03-09'), serial('2026-03-22')]);
      expect(logRows(sim).map((row) => row[3])).toEqual(['shift', 'undo shift']);
      expect(sim.fillAt('Allocations', 'G3')).toBe(YELLOW);
      expect(session.getState().undoLabel).toBeNull();
    });

    it('will not undo over a later edit of the same cells', async () => {
      const { sim, session } = start();
      await session.check();
      const report = session.getState().checked!.report;
      const { suggestionsFor } = await import('../../src/core');
      await session.apply(suggestionsFor(report, report.conflicts[0]).shifts[0]);
      sim.coauthorEdit('Allocations', 'J3', serial('2026-04-20'));
      await session.undo();
      expect(sim.valueAt('Allocations', 'J3')).toBe(serial('2026-04-20'));
      expect(session.getState().notice?.text).toMatch(/^Cannot undo: J3 changed since/);
    });

    it('accepts an overlap with a reason: it stays listed as accepted, loses its yellow, and formula-like text stays text', async () => {
      const { sim, session } = start();
      const before = fillsOf(sim, 'Allocations', 5);
      await session.check();
      const id = session.getState().checked!.report.conflicts[0].id;
      await session.apply({ kind: 'accept', conflictId: id, reason: '=HYPERLINK("http://x.test","agreed")' });
      const conflict = session.getState().checked!.report.conflicts[0];
      expect(conflict).toMatchObject({ id, accepted: true, acceptance: { reason: '=HYPERLINK("http://x.test","agreed")', rows: [2, 3] } });
      expect(fillsOf(sim, 'Allocations', 5)).toEqual(before);
      expect(sim.formulaAt('Resolution log', 'H2')).toBeUndefined();
      expect(sim.valueAt('Resolution log', 'H2')).toBe('=HYPERLINK("http://x.test","agreed")');
    });

    it('reopens an accepted conflict, logged, yellow again, and Undo accepts it again', async () => {
      const { sim, session } = start();
      await session.check();
      const id = session.getState().checked!.report.conflicts[0].id;
      await session.apply({ kind: 'accept', conflictId: id, reason: 'shared run' });
      await session.apply({ kind: 'revoke', conflictId: id, reason: 'Lab B objects' });
      expect(session.getState().checked!.report.conflicts[0]).toMatchObject({ id, accepted: false });
      expect(sim.fillAt('Allocations', 'G2')).toBe('#FFFF00');
      expect([sim.valueAt('Resolution log', 'D3'), sim.valueAt('Resolution log', 'H3')]).toEqual(['revoke', 'Lab B objects']);
      await session.undo();
      expect(session.getState().checked!.report.conflicts[0]).toMatchObject({ id, accepted: true, acceptance: { reason: 'shared run' } });
      expect(sim.valueAt('Resolution log', 'D4')).toBe('undo revoke');
      expect(sim.fillAt('Allocations', 'G2')).not.toBe('#FFFF00');
    });

    it('fixes a typo from its suggestion', async () => {
      const rows = incidentRows();
      rows[3] = booking({ id: 'P-4', lab: 'Lab A', team: 'Eval', workload: 'evaluation', provider: 'AWS', region: 'us-east-2', silicon: 'H20O', chips: 64, start: '2026-04-01', end: '2026-04-10' });
      const { sim, session } = start(rows);
      await session.check();
      const issue = session.getState().checked!.report.issues.find((candidate) => candidate.code === 'unknown-silicon')!;
      expect(issue).toMatchObject({ cell: 'G5', suggestion: 'H200' });
      await session.apply({ kind: 'fix', issue });
      expect(sim.valueAt('Allocations', 'G5')).toBe('H200');
      expect(session.getState().checked!.report.issues.filter((candidate) => candidate.row === 5)).toEqual([]);
    });
  });

  describe('live checking', () => {
    it('turns a double-booking yellow after it is typed, and clears it when fixed, without the add-in reacting to its own writes', async () => {
      const rows = incidentRows();
      rows[1] = booking({ id: 'P-2', lab: 'Lab B', team: 'FT sprint', workload: 'fine-tuning', provider: 'AWS', region: 'us-east-1', silicon: 'Trainium2', chips: 512, start: '2026-04-09', end: '2026-04-22' });
      const { sim, session } = start(rows);
      await session.check();
      await session.startLiveChecking();
      expect(sim.fillAt('Allocations', 'I3')).toBe('#DDEBF7');
      sim.userEdit('Allocations', 'I3', serial('2026-03-20'));
      await settle(sim, session);
      expect(sim.fillAt('Allocations', 'I3')).toBe(YELLOW);
      const requests = sim.stats.requests;
      await settle(sim, session);
      expect(sim.stats.requests).toBe(requests);
      sim.coauthorEdit('Allocations', 'I3', serial('2026-04-09'));
      await settle(sim, session);
      expect(sim.fillAt('Allocations', 'I3')).toBe('#DDEBF7');
      await session.stopLiveChecking();
    });
  });
});

/** Lets the debounce fire and every check it started finish. */
async function settle(simulator: ExcelSimulator, session: CheckSession): Promise<void> {
  for (let round = 0; round < 5; round++) {
    await simulator.idle();
    await new Promise((resolve) => setTimeout(resolve, 20));
    while (session.getState().busy !== null) await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

void HEADER;

describe('co-authors editing while live checking runs', () => {
  it('keeps every co-author edit and ends with the paint of the latest values', async () => {
    const rows = incidentRows();
    rows[1] = booking({ id: 'P-2', lab: 'Lab B', team: 'FT sprint', workload: 'fine-tuning', provider: 'AWS', region: 'us-east-1', silicon: 'Trainium2', chips: 512, start: '2026-04-09', end: '2026-04-22' });
    sim = simulatorWith(rows, incidentFills()).install(globalThis);
    const session = new CheckSession({ debounceMs: 5 });
    await session.check();
    await session.startLiveChecking();
    // A co-author creates the double-booking, and edits again while the re-check is between its requests.
    sim.coauthorEdit('Allocations', 'I3', serial('2026-03-20'));
    sim.onSync(sim.stats.requests + 2, () => sim.coauthorEdit('Allocations', 'J3', serial('2026-03-21')));
    sim.onSync(sim.stats.requests + 3, () => sim.coauthorEdit('Allocations', 'F4', 'us-central1'));
    await settle(sim, session);
    expect([sim.valueAt('Allocations', 'I3'), sim.valueAt('Allocations', 'J3'), sim.valueAt('Allocations', 'F4')]).toEqual([
      serial('2026-03-20'), serial('2026-03-21'), 'us-central1',
    ]);
    const report = session.getState().checked!.report;
    expect(report.conflicts.map((conflict) => [conflict.rows, conflict.start === conflict.end])).toEqual([[[2, 3], false]]);
    for (const cell of ['G2', 'I2', 'G3', 'J3']) expect(sim.fillAt('Allocations', cell)).toBe(YELLOW);
    expect(sim.fillAt('Allocations', 'G4')).toBe('#FFFFFF');
    await session.stopLiveChecking();
  });
});

describe('cancelling a check', () => {
  it('stops it while it reads, changes nothing in the workbook, and says so', async () => {
    sim = simulatorWith(incidentRows(), incidentFills()).install(globalThis);
    const before = fillsOf(sim, 'Allocations', 5);
    const session = new CheckSession();
    sim.onSync(1, () => session.cancel());
    await session.check();
    expect(session.getState().notice).toEqual({ kind: 'info', text: 'The check was cancelled before anything was changed.' });
    expect(fillsOf(sim, 'Allocations', 5)).toEqual(before);
    expect(sim.sheetNames()).toEqual(['Allocations']);
    await session.check();
    expect(sim.fillAt('Allocations', 'G2')).toBe(YELLOW);
  });
});
