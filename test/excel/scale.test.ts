import { CheckSession } from '../../src/excel/checkSession';
import { ExcelSimulator } from '../../src/simulator/ExcelSimulator';
import { HEADER, Row, serial } from './workbooks';

const ROWS = 100_000;
const PAIRS = 1_250;

/** 100,000 bookings: 1,250 pairs double-book one AWS pool, each on a day of its own with a free day between; every other row has a pool to itself. */
function largeWorkbook(): Row[] {
  const firstDay = serial('2026-01-01');
  return Array.from({ length: ROWS }, (_, i): Row => {
    const pair = Math.floor(i / 80);
    const inPair = i % 80 < 2 && pair < PAIRS;
    return inPair
      ? [`R-${i}`, 'Lab A', `team-${i}`, 'research', 'AWS', 'us-east-1', 'H100', 8, firstDay + 2 * pair, firstDay + 2 * pair, 'confirmed', '']
      : [`R-${i}`, 'Lab B', `team-${i}`, 'research', 'Self-built', `dc-${i}`, 'H100', 8, firstDay, firstDay + 30, 'confirmed', ''];
  });
}

describe('a check of 100,000 rows with 10,000 conflict cells', () => {
  it('reads and paints within Excel on the web’s 5 MB request and response limits, by chunking', async () => {
    const sim = new ExcelSimulator({ sheets: [{ name: 'Allocations', rows: [HEADER, ...largeWorkbook()] }] }).install(globalThis);
    try {
      const session = new CheckSession();
      await session.check();
      const state = session.getState();
      expect(state.notice).toBeNull();
      expect(state.checked!.report.bookings.length).toBe(ROWS);
      expect(state.checked!.report.conflicts).toHaveLength(PAIRS);
      expect(state.checked!.paint.painted).toBe(PAIRS * 2 * 4);
      for (const row of [2, 3, 82, 83, 99_922, 99_923]) {
        expect(sim.fillAt('Allocations', `G${row}`)).toBe(row < 2 + PAIRS * 80 ? '#FFFF00' : null);
      }
      expect(sim.fillAt('Allocations', 'G4')).toBeNull();
    } finally {
      sim.uninstall();
    }
  }, 120_000);
});

describe('a check of 20,000 conflict rows with 120-character Notes', () => {
  it('remembers their 80,000 fills in requests each under Excel on the web’s 5 MB, and paints them all', async () => {
    const firstDay = serial('2026-01-01');
    const note = (i: number) => `row ${i} `.padEnd(120, 'lorem ipsum ');
    // Pairs double-book one pool, each pair on a day of its own.
    const rows = Array.from({ length: 20_000 }, (_, i): Row => [`R-${i}`, 'Lab A', `team-${i}`, 'research', 'AWS', 'us-east-1', 'H100', 8, firstDay + Math.floor(i / 2), firstDay + Math.floor(i / 2), 'confirmed', note(i)]);
    const sim = new ExcelSimulator({ sheets: [{ name: 'Allocations', rows: [HEADER, ...rows] }] }).install(globalThis);
    try {
      const session = new CheckSession();
      await session.check();
      await sim.idle();
      expect(session.getState().notice).toBeNull();
      expect(session.getState().checked!.paint.painted).toBe(80_000);
      expect(sim.fillAt('Allocations', 'J20001')).toBe('#FFFF00');
      expect(sim.snapshotValues('CapacityCheck state').filter((row) => row[0] === 'fill')).toHaveLength(80_000);
      expect(sim.stats.largestRequestBytes).toBeLessThan(5_000_000);
      expect(sim.stats.largestResponseBytes).toBeLessThan(5_000_000);
    } finally {
      sim.uninstall();
    }
  }, 120_000);
});

describe('a sheet whose first rows are light and the rest heavy', () => {
  it('is read even though the first rows promised small answers: chunks Excel refuses as too large are asked again smaller', async () => {
    const firstDay = serial('2026-01-01');
    const rows = Array.from({ length: 35_000 }, (_, i): Row => [`R-${i}`, 'Lab B', `t${i}`, 'research', 'Self-built', `dc-${i}`, 'H100', 8, firstDay, firstDay + 30, 'confirmed', i < 60 ? '' : `note ${i} `.padEnd(1_000, 'x')]);
    const sim = new ExcelSimulator({ sheets: [{ name: 'Allocations', rows: [HEADER, ...rows] }] }).install(globalThis);
    try {
      const session = new CheckSession();
      await session.check();
      expect(session.getState().notice).toBeNull();
      expect(session.getState().checked!.report.bookings).toHaveLength(35_000);
      expect(sim.stats.largestResponseBytes).toBeLessThan(5_000_000);
    } finally {
      sim.uninstall();
    }
  }, 120_000);
});
