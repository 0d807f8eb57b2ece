import { levelCalendar, RESOLUTION_LOG_COLUMNS } from '../../src/core';
import { CheckSession } from '../../src/excel/checkSession';
import { ExcelSimulator } from '../../src/simulator';
import { booking, Row, simulatorWith } from './workbooks';

let sim: ExcelSimulator;
afterEach(async () => {
  await sim?.idle();
  sim?.uninstall();
});

const YELLOW = '#FFFF00';
const session = () => new CheckSession({ who: () => 'Dana (lead)', now: () => new Date('2026-02-01T10:00:00Z') });
const h100 = (id: string, lab: string, start: string, end: string, status = 'confirmed', region = 'us-east-1'): Row =>
  booking({ id, lab, team: 'T', workload: 'research', provider: 'AWS', region, silicon: 'H100', chips: 8, start, end, status });

/** Six conflicts on three pools, each cleared by shifting its tentative booking later. */
function quarter(): Row[] {
  return ['us-east-1', 'us-east-2', 'us-west-2'].flatMap((region, pool) => [
    h100(`A${pool}`, 'Lab A', '2026-04-01', '2026-04-10', 'confirmed', region), h100(`B${pool}`, 'Lab B', '2026-04-05', '2026-04-08', 'tentative', region),
    h100(`C${pool}`, 'Lab C', '2026-05-01', '2026-05-10', 'confirmed', region), h100(`D${pool}`, 'Lab D', '2026-05-03', '2026-05-04', 'tentative', region),
  ]);
}

describe('applying a levelling plan', () => {
  it('writes every edit in one guarded resolution of three requests, logs one entry per edit under the plan id, and paints nothing', async () => {
    sim = simulatorWith(quarter()).install(globalThis);
    const checking = session();
    await checking.check();
    const { report, snapshot } = checking.getState().checked!;
    expect(report.conflicts).toHaveLength(6);
    const plan = levelCalendar(report, snapshot);
    expect(plan.totals).toMatchObject({ resolved: 6, bookingsShifted: 6, left: 0 });
    await sim.idle();
    sim.resetStats();
    await checking.apply({ kind: 'level', steps: plan.steps });
    await sim.idle();
    expect(sim.stats.requests).toBe(3);
    expect(sim.stats.changingRequests).toBe(1);
    expect(checking.getState().checked!.report.conflicts).toEqual([]);
    expect(checking.getState().notice?.text).toMatch(/^Level the calendar: 6 changes \(plan L-[0-9a-f]{8}\)\. Logged/);
    const actions = Array.from({ length: 6 }, (_, i) => sim.valueAt('Resolution log', `D${i + 2}`));
    expect(actions).toEqual(Array(6).fill('level shift'));
    expect(sim.valueAt('Resolution log', 'H2')).toMatch(/^Plan L-[0-9a-f]{8}: Shift Lab B \/ T by \+6 days/);
    expect(sim.fillAt('Allocations', 'G3')).not.toBe(YELLOW);
  });

  it('takes the whole plan back with one Undo, the cells and the yellow as they were', async () => {
    sim = simulatorWith(quarter()).install(globalThis);
    const checking = session();
    await checking.check();
    const before = sim.snapshotValues('Allocations');
    const { report, snapshot } = checking.getState().checked!;
    await checking.apply({ kind: 'level', steps: levelCalendar(report, snapshot).steps });
    await checking.undo();
    expect(sim.snapshotValues('Allocations')).toEqual(before);
    expect(checking.getState().checked!.report.conflicts).toHaveLength(6);
    expect(sim.fillAt('Allocations', 'G3')).toBe(YELLOW);
    expect(sim.valueAt('Resolution log', 'D8')).toBe('undo level');
  });

  it('writes nothing when a co-author changed one of its cells since the check', async () => {
    sim = simulatorWith(quarter()).install(globalThis);
    const checking = session();
    await checking.check();
    const { report, snapshot } = checking.getState().checked!;
    const plan = levelCalendar(report, snapshot);
    const before = sim.snapshotValues('Allocations');
    sim.coauthorEdit('Allocations', 'I13', 46_200);
    await checking.apply({ kind: 'level', steps: plan.steps });
    expect(checking.getState().notice).toEqual({ kind: 'warning', text: expect.stringMatching(/^Not applied: I13 changed since the last check/) });
    const after = sim.snapshotValues('Allocations');
    expect(after.map((row, r) => row.map((value, c) => (r === 12 && c === 8 ? before[r][c] : value)))).toEqual(before);
    expect(sim.sheetNames()).not.toContain('Resolution log');
    expect(RESOLUTION_LOG_COLUMNS).toHaveLength(8);
  });
});

describe('fixing the same typo on many rows', () => {
  it('writes the suggestion into each cell as one step, logged once, undone at once', async () => {
    const rows = [h100('A', 'Lab A', '2026-04-01', '2026-04-10'), h100('B', 'Lab B', '2026-06-01', '2026-06-02'), h100('C', 'Lab C', '2026-07-01', '2026-07-02')].map((row) => {
      const typo = [...row];
      typo[6] = 'H10O';
      return typo;
    });
    sim = simulatorWith(rows).install(globalThis);
    const checking = session();
    await checking.check();
    const issues = checking.getState().checked!.report.issues.filter((issue) => issue.code === 'unknown-silicon');
    expect(issues.map((issue) => issue.suggestion)).toEqual(['H100', 'H100', 'H100']);
    await checking.apply({ kind: 'fixes', issues, value: 'H100' });
    expect(['G2', 'G3', 'G4'].map((cell) => sim.valueAt('Allocations', cell))).toEqual(['H100', 'H100', 'H100']);
    expect(checking.getState().checked!.report.issues).toEqual([]);
    expect([sim.valueAt('Resolution log', 'D2'), sim.valueAt('Resolution log', 'E2')]).toEqual(['fix', '2, 3, 4']);
    expect(checking.getState().undoLabel).toBe('Use H100 on 3 rows');
    await checking.undo();
    expect(['G2', 'G3', 'G4'].map((cell) => sim.valueAt('Allocations', cell))).toEqual(['H10O', 'H10O', 'H10O']);
  });
});

describe('a plan of 500 edits', () => {
  it('goes out in three requests, each under Excel on the web’s 5 MB', async () => {
    const rows: Row[] = Array.from({ length: 250 }, (_, i) => [
      h100(`A${i}`, 'Lab A', '2026-04-01', '2026-04-10', 'confirmed', `dc-${i}`), h100(`B${i}`, 'Lab B', '2026-04-05', '2026-04-08', 'tentative', `dc-${i}`),
    ]).flat().map((row) => Object.assign([...row], { 4: 'Self-built' }));
    sim = simulatorWith(rows).install(globalThis);
    const checking = session();
    await checking.check();
    const { report, snapshot } = checking.getState().checked!;
    const plan = levelCalendar(report, snapshot);
    expect(plan.steps.flatMap((step) => step.edits)).toHaveLength(500);
    await sim.idle();
    sim.resetStats();
    await checking.apply({ kind: 'level', steps: plan.steps });
    await sim.idle();
    expect(checking.getState().checked!.report.conflicts).toEqual([]);
    expect(sim.stats.requests).toBe(3);
    expect(sim.stats.largestRequestBytes).toBeLessThan(5 * 1024 * 1024);
  });
});
