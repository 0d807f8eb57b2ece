import { CheckSession } from '../excel/checkSession';
import { ExcelSimulator } from '../simulator/ExcelSimulator';
import { checkConflictsCommand } from './checkConflictsCommand';

const HEADER = ['Provider', 'Region', 'Silicon', 'Start', 'End'];
const CLEAN = [HEADER, ['AWS', 'us-east-1', 'Trainium2', '2026-04-14', '2026-04-27']];
const DOUBLE_BOOKED = [...CLEAN, ['AWS', 'us-east-1', 'Trainium2', '2026-04-20', '2026-04-30']];

function ribbon() {
  const calls: string[] = [];
  return {
    calls,
    event: { completed: () => calls.push('completed') },
    host: { showTaskpane: async () => void calls.push('showTaskpane') },
  };
}

describe('checkConflictsCommand (the ribbon’s Check conflicts)', () => {
  let sim: ExcelSimulator | undefined;
  afterEach(() => sim?.uninstall());

  it('checks, paints, opens the task pane on what it found, and completes the event', async () => {
    sim = new ExcelSimulator({ sheets: [{ name: 'Plan', rows: DOUBLE_BOOKED }] }).install(globalThis);
    const { calls, event, host } = ribbon();
    await checkConflictsCommand(event, new CheckSession(), host);
    expect(sim.fillAt('Plan', 'C2')).toBe('#FFFF00');
    expect(calls).toEqual(['showTaskpane', 'completed']);
  });

  it('opens the task pane on errors alone, with nothing double-booked and nothing painted', async () => {
    const typo = [HEADER, ['AWS', 'us-east-1', 'Trainuim2', '2026-04-14', '2026-04-27']];
    sim = new ExcelSimulator({ sheets: [{ name: 'Plan', rows: typo }] }).install(globalThis);
    const { calls, event, host } = ribbon();
    const session = new CheckSession();
    await checkConflictsCommand(event, session, host);
    expect(session.getState().checked?.report.conflicts).toEqual([]);
    expect(session.getState().checked?.report.issues.map((issue) => `${issue.cell} ${issue.code}`)).toEqual(['C2 unknown-silicon']);
    expect(sim.fillAt('Plan', 'C2')).not.toBe('#FFFF00');
    expect(calls).toEqual(['showTaskpane', 'completed']);
  });

  it('does not open the task pane for warnings alone', async () => {
    const warning = [HEADER, ['AWS', 'eu-west-1', 'Trainium2', '2026-04-14', '2026-04-27']];
    sim = new ExcelSimulator({ sheets: [{ name: 'Plan', rows: warning }] }).install(globalThis);
    const { calls, event, host } = ribbon();
    const session = new CheckSession();
    await checkConflictsCommand(event, session, host);
    expect(session.getState().checked?.report.issues.map((issue) => `${issue.severity} ${issue.code}`)).toEqual(['warning silicon-not-in-region']);
    expect(calls).toEqual(['completed']);
  });

  it('completes the event without opening the pane when the workbook is clean', async () => {
    sim = new ExcelSimulator({ sheets: [{ name: 'Plan', rows: CLEAN }] }).install(globalThis);
    const { calls, event, host } = ribbon();
    await checkConflictsCommand(event, new CheckSession(), host);
    expect(calls).toEqual(['completed']);
  });

  it('completes the event and shows the pane with the error when Excel fails', async () => {
    const session = new CheckSession({ run: async () => { throw new Error('Excel is busy'); } });
    const { calls, event, host } = ribbon();
    await checkConflictsCommand(event, session, host);
    expect(calls).toEqual(['showTaskpane', 'completed']);
    expect(session.getState().notice).toEqual({ kind: 'error', text: 'The check failed: Excel is busy' });
  });

  it('completes the event even when the pane cannot be shown', async () => {
    const session = new CheckSession({ run: async () => { throw new Error('Excel is busy'); } });
    const calls: string[] = [];
    await checkConflictsCommand({ completed: () => calls.push('completed') }, session, { showTaskpane: async () => { throw new Error('no pane'); } });
    expect(calls).toEqual(['completed']);
  });
});
