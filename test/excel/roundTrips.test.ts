import { CheckSession } from '../../src/excel/checkSession';
import { ExcelSimulator } from '../../src/simulator';
import { booking, incidentFills, incidentRows, serial, simulatorWith } from './workbooks';

const YELLOW = '#FFFF00';
let sim: ExcelSimulator;
afterEach(() => sim?.uninstall());

/** Lets the debounce fire and every check it started finish. */
async function settle(simulator: ExcelSimulator, session: CheckSession): Promise<void> {
  for (let round = 0; round < 5; round++) {
    await simulator.idle();
    await new Promise((resolve) => setTimeout(resolve, 20));
    while (session.getState().busy !== null) await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('CheckSession’s round trips', () => {
  it('checks and paints in at most five requests (four syncs and the run’s clean-up) whether the table has 100 or 10,000 rows', async () => {
    const counts: number[] = [];
    for (const size of [100, 10_000]) {
      // Every 50th row double-books one pool; the others each have a pool to themselves.
      const rows = Array.from({ length: size }, (_, i) =>
        i % 50 === 0
          ? booking({ id: `R-${i}`, lab: 'Lab A', team: 'T', workload: 'research', provider: 'AWS', region: 'us-east-1', silicon: 'H100', chips: 8, start: '2026-03-01', end: '2026-03-05' })
          : booking({ id: `R-${i}`, lab: 'Lab B', team: 'T', workload: 'research', provider: 'Self-built', region: `dc-${i}`, silicon: 'H100', chips: 8, start: '2026-01-01', end: '2026-01-31' }),
      );
      sim = simulatorWith(rows).install(globalThis);
      await new CheckSession().check();
      await sim.idle();
      counts.push(sim.stats.requests);
      sim.uninstall();
    }
    expect(counts[0]).toBeLessThanOrEqual(5);
    expect(counts[1]).toBe(counts[0]);
  });
});

describe('a live re-check after an edit', () => {
  it('re-reads only the edited rows: four requests (three syncs and the clean-up) and a small answer on a 10,000-row table', async () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => booking({ id: `R-${i}`, lab: 'Lab B', team: 'T', workload: 'research', provider: 'Self-built', region: `dc-${i}`, silicon: 'H100', chips: 8, start: '2026-01-01', end: '2026-01-31' }));
    rows[0] = booking({ id: 'A', lab: 'Lab A', team: 'a', workload: 'research', provider: 'AWS', region: 'us-east-1', silicon: 'Trainium2', chips: 8, start: '2026-03-01', end: '2026-03-10' });
    rows[1] = booking({ id: 'B', lab: 'Lab B', team: 'b', workload: 'research', provider: 'AWS', region: 'us-east-1', silicon: 'Trainium2', chips: 8, start: '2026-04-01', end: '2026-04-10' });
    sim = simulatorWith(rows).install(globalThis);
    const session = new CheckSession({ debounceMs: 5 });
    await session.check();
    await session.startLiveChecking();
    sim.resetStats();
    sim.userEdit('Allocations', 'I3', serial('2026-03-05'));
    await settle(sim, session);
    expect(sim.fillAt('Allocations', 'I3')).toBe(YELLOW);
    expect(session.getState().checked?.report.bookings.length).toBe(10_000);
    expect(sim.stats.requests).toBe(4);
    expect(sim.stats.responseBytes).toBeLessThan(20_000);
    await session.stopLiveChecking();
  });

  it('reads the whole workbook for a check, and only the edited rows for a live re-check', async () => {
    sim = simulatorWith(incidentRows(), incidentFills()).install(globalThis);
    const session = new CheckSession({ debounceMs: 5 });
    const read = jest.spyOn(await import('../../src/excel/readWorkbook'), 'readWorkbook');
    await session.check();
    expect(read).toHaveBeenCalledTimes(1);
    await session.startLiveChecking();
    sim.coauthorEdit('Allocations', 'K3', 'cancelled');
    await settle(sim, session);
    expect(read).toHaveBeenCalledTimes(1);
    expect(sim.fillAt('Allocations', 'G3')).toBe('#DDEBF7');
    expect(sim.fillAt('Allocations', 'G2')).toBe('#FCE4D6');
    read.mockRestore();
    await session.stopLiveChecking();
  });
});
