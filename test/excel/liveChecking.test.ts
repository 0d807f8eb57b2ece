import { CheckSession } from '../../src/excel/checkSession';
import { ExcelSimulator } from '../../src/simulator';
import { booking, incidentRows, serial, simulatorWith } from './workbooks';

let sim: ExcelSimulator;
afterEach(async () => {
  await sim?.idle();
  sim?.uninstall();
});

async function settle(session: CheckSession): Promise<void> {
  for (let round = 0; round < 4; round++) {
    await sim.idle();
    await new Promise((resolve) => setTimeout(resolve, 20));
    while (session.getState().busy !== null) await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('stopping live checking', () => {
  it('unregisters the change handler, so edits after it make no re-check', async () => {
    const rows = incidentRows();
    rows[1] = booking({ id: 'P-2', lab: 'Lab B', team: 'FT sprint', workload: 'fine-tuning', provider: 'AWS', region: 'us-east-1', silicon: 'Trainium2', chips: 512, start: '2026-04-09', end: '2026-04-22' });
    sim = simulatorWith(rows).install(globalThis);
    const session = new CheckSession({ debounceMs: 5 });
    await session.check();
    await session.startLiveChecking();
    await session.stopLiveChecking();
    await settle(session);
    sim.resetStats();
    sim.userEdit('Allocations', 'I3', serial('2026-03-20'));
    await settle(session);
    expect(sim.stats.requests).toBe(0);
    expect(sim.fillAt('Allocations', 'I3')).not.toBe('#FFFF00');
  });
});

describe('checking while the user edits a cell', () => {
  it('waits for the edit to end where Excel can delay the batch', async () => {
    sim = simulatorWith(incidentRows()).install(globalThis);
    const session = new CheckSession();
    sim.setCellEditMode(true);
    const checking = session.check();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(sim.fillAt('Allocations', 'G2')).not.toBe('#FFFF00');
    sim.setCellEditMode(false);
    await checking;
    expect(sim.fillAt('Allocations', 'G2')).toBe('#FFFF00');
  });

  it('says what to do where Excel cannot, and changes nothing', async () => {
    sim = new ExcelSimulator({ sheets: simulatorWith(incidentRows()).toSheets(), delayForCellEdit: false }).install(globalThis);
    const session = new CheckSession();
    sim.setCellEditMode(true);
    await session.check();
    expect(session.getState().notice).toEqual({ kind: 'error', text: 'The check failed: Excel is waiting for you to finish editing a cell. Press Enter or Esc, then try again.' });
    expect(sim.sheetNames()).toEqual(['Allocations']);
    sim.setCellEditMode(false);
  });
});
