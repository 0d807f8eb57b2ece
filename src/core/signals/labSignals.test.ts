import { checkWorkbook } from '../checkWorkbook';
import { dayFromYmd } from '../model/calendarDay';
import { CheckReport } from '../model/report';
import { CellValue } from '../model/snapshot';
import { bookingMobility } from './bookingMobility';
import { conflictStakes } from './conflictStakes';
import { LabSignal, labSignals } from './labSignals';

const HEADER = ['ID', 'Lab', 'Team', 'Workload', 'Provider', 'Region', 'Silicon', 'Chips', 'Start', 'End', 'Status'];
const CAPACITY_HEADER = ['Provider', 'Region', 'Silicon', 'Chips', 'Start', 'End'];
type Place = readonly [provider: string, region: string, silicon: string];
type Row = [lab: string, place: Place, chips: number, start: string, end: string, status?: string];

const AWS_H100: Place = ['AWS', 'us-east-1', 'H100'];
const AZURE_MI300X: Place = ['Azure', 'eastus', 'MI300X'];
const GOOGLE_V6E: Place = ['Google Cloud', 'us-central1', 'TPU v6e'];
const COREWEAVE_H100: Place = ['CoreWeave', 'us-east-04', 'H100'];

function check(rows: Row[], capacity?: Array<[Place, number]>): CheckReport {
  const plan = rows.map(([lab, place, chips, start, end, status = 'confirmed'], i): CellValue[] => [`R-${i + 1}`, lab, 'Team', 'training', ...place, chips, start, end, status]);
  const sheets = [{ name: 'Plan', rows: [HEADER, ...plan] }];
  if (capacity !== undefined) sheets.push({ name: 'Capacity', rows: [CAPACITY_HEADER, ...capacity.map(([place, chips]) => [...place, chips, '2026-04-01', '2026-06-30'])] });
  const outcome = checkWorkbook({ date1904: false, sheets });
  if (!outcome.ok) throw new Error(outcome.problem);
  return outcome.report;
}

const asOf = (iso: string) => ({ asOf: dayFromYmd(...(iso.split('-').map(Number) as [number, number, number])) as number });
const byLab = (signals: LabSignal[]) => Object.fromEntries(signals.map((signal) => [signal.lab, signal]));

/**
 * Capacity of 64 chips in four pools: AWS H100 and CoreWeave H100 (CUDA on two providers), Azure MI300X
 * (ROCm, a port away from CUDA) and Google TPU v6e (only Google offers TPUs), all from April to June.
 */
const POOLS: Array<[Place, number]> = [[AWS_H100, 64], [COREWEAVE_H100, 64], [AZURE_MI300X, 64], [GOOGLE_V6E, 64]];

describe('labSignals', () => {
  describe('reallocation velocity', () => {
    it('is the share of chip-days that another provider of the same family could take within 7 days', () => {
      // Lab A's AWS run fits on CoreWeave's 32 free H100s; its CoreWeave run finds AWS full (Lab B holds the rest) and only ROCm free.
      const report = check([['Lab A', AWS_H100, 32, '2026-04-10', '2026-04-19'], ['Lab A', COREWEAVE_H100, 32, '2026-04-10', '2026-04-19'], ['Lab B', AWS_H100, 32, '2026-04-01', '2026-04-30']], POOLS);
      const lab = byLab(labSignals(report, asOf('2026-04-01')))['Lab A'];
      expect(lab).toMatchObject({ bookings: 2, chipDays: 32 * 10 * 2, movableChipDays: 32 * 10, locked: { 'single-provider silicon': 0, 'no free capacity': 0, 'needs a port': 32 * 10 } });
      expect(lab.velocity).toBe(0.5);
    });

    it('is null for a lab holding no chip-days from the as-of date on', () => {
      const report = check([['Lab A', AWS_H100, 8, '2026-04-01', '2026-04-05'], ['Lab B', AWS_H100, 8, '2026-05-01', '2026-05-05']]);
      expect(byLab(labSignals(report, asOf('2026-04-10')))['Lab A']).toMatchObject({ bookings: 0, chipDays: 0, velocity: null });
    });
  });

  describe('the as-of date', () => {
    it('counts only the days from the as-of date on', () => {
      const report = check([['Lab A', AWS_H100, 8, '2026-04-10', '2026-04-19']]);
      expect(byLab(labSignals(report, asOf('2026-04-15')))['Lab A'].chipDays).toBe(8 * 5);
      expect(byLab(labSignals(report, asOf('2026-04-01')))['Lab A'].chipDays).toBe(8 * 10);
    });

    it('lets a move start up to 7 days after the as-of date when the booking has begun', () => {
      // AWS is full until 18 Apr: from an as-of of 12 Apr a move may start by 19 Apr, from 10 Apr only by 17 Apr.
      const report = check([['Lab A', COREWEAVE_H100, 64, '2026-04-01', '2026-04-25'], ['Lab B', AWS_H100, 64, '2026-04-01', '2026-04-18']], POOLS);
      const lockedOn = (iso: string) => bookingMobility(report, asOf(iso)).find((booking) => booking.lab === 'Lab A')?.locked;
      expect(lockedOn('2026-04-12')).toBeNull();
      expect(lockedOn('2026-04-10')).toBe('needs a port');
    });
  });

  describe('locked chip-days', () => {
    it('are single-provider silicon when no other provider offers the family', () => {
      const report = check([['Lab B', GOOGLE_V6E, 32, '2026-04-01', '2026-04-10']], POOLS);
      expect(byLab(labSignals(report, asOf('2026-04-01')))['Lab B'].locked).toEqual({ 'single-provider silicon': 320, 'no free capacity': 0, 'needs a port': 0 });
    });

    it('are no free capacity when no pool of any family elsewhere has room in time', () => {
      // Every other pool is full for April.
      const report = check([
        ['Lab C', AZURE_MI300X, 64, '2026-04-05', '2026-04-14'], ['Lab A', AWS_H100, 64, '2026-04-01', '2026-04-30'],
        ['Lab A', COREWEAVE_H100, 64, '2026-04-01', '2026-04-30'], ['Lab B', GOOGLE_V6E, 64, '2026-04-01', '2026-04-30'],
      ], POOLS);
      expect(byLab(labSignals(report, asOf('2026-04-01')))['Lab C'].locked).toEqual({ 'single-provider silicon': 0, 'no free capacity': 640, 'needs a port': 0 });
    });

    it('are needs a port when only another family has room', () => {
      // CoreWeave's H100s are taken; Azure's MI300X (ROCm) and Google's TPUs are free.
      const report = check([['Lab A', AWS_H100, 64, '2026-04-10', '2026-04-19'], ['Lab B', COREWEAVE_H100, 64, '2026-04-01', '2026-04-30']], POOLS);
      expect(byLab(labSignals(report, asOf('2026-04-01')))['Lab A'].locked).toEqual({ 'single-provider silicon': 0, 'no free capacity': 0, 'needs a port': 640 });
    });

    it('without a Capacity table, find room in the regions the catalog says other providers offer', () => {
      const report = check([['Lab A', AWS_H100, 64, '2026-04-10', '2026-04-19'], ['Lab B', GOOGLE_V6E, 8, '2026-04-10', '2026-04-19']]);
      const labs = byLab(labSignals(report, asOf('2026-04-01')));
      expect(labs['Lab A']).toMatchObject({ movableChipDays: 640, velocity: 1 });
      expect(labs['Lab B'].locked['single-provider silicon']).toBe(80);
    });
  });

  describe('exposure', () => {
    it('adds the chip-hours at stake of the open conflicts in which the lab gives way', () => {
      const report = check([
        ['Lab A', AWS_H100, 8, '2026-04-01', '2026-04-10'], ['Lab B', AWS_H100, 4, '2026-04-05', '2026-04-06', 'tentative'],
        ['Lab A', AWS_H100, 8, '2026-05-01', '2026-05-10', 'tentative'], ['Lab B', AWS_H100, 8, '2026-05-03', '2026-05-03'],
        ['Lab B', AWS_H100, 2, '2026-06-01', '2026-06-03', 'tentative'], ['Lab C', AWS_H100, 2, '2026-06-02', '2026-06-02'],
      ]);
      const stakes = [...conflictStakes(report).values()];
      const labs = byLab(labSignals(report, asOf('2026-04-01')));
      // Lab B gives way in April (4 chips × 2 days) and June (2 × 1); Lab A in May (8 × 1).
      expect(labs['Lab B']).toMatchObject({ givingWay: 2, exposureChipHours: 24 * (4 * 2 + 2 * 1), exposureCost: null, unpricedChipHours: 24 * 10 });
      expect(labs['Lab A']).toMatchObject({ givingWay: 1, exposureChipHours: 24 * 8 });
      expect(labs['Lab C']).toMatchObject({ givingWay: 0, exposureChipHours: 0 });
      expect(stakes.reduce((sum, stake) => sum + stake.chipHours, 0)).toBe(labs['Lab A'].exposureChipHours + labs['Lab B'].exposureChipHours);
    });
  });
});
