import { checkWorkbook } from '../checkWorkbook';
import { CheckReport } from '../model/report';
import { CellValue, SheetSnapshot } from '../model/snapshot';
import { suggestionsFor } from '../resolutions/suggestionsFor';
import { conflictStakes } from './conflictStakes';

// The usual allocation layout (test/fixtures/bookingRows.ts, which the core's lint keeps out of reach), with Priority.
const HEADER = ['ID', 'Lab', 'Team', 'Workload', 'Provider', 'Region', 'Silicon', 'Chips', 'Start', 'End', 'Status', 'Priority'];
type Row = [id: string, lab: string, chips: number, start: string, end: string, status?: string, priority?: string];
const TRN2_POOL = ['AWS', 'us-east-1', 'Trainium2'];

function check(rows: Row[], extra: SheetSnapshot[] = []): CheckReport {
  const plan = rows.map(([id, lab, chips, start, end, status = 'confirmed', priority = '']): CellValue[] => [id, lab, 'Team', 'pre-training', ...TRN2_POOL, chips, start, end, status, priority]);
  const outcome = checkWorkbook({ date1904: false, sheets: [{ name: 'Plan', rows: [HEADER, ...plan] }, ...extra] });
  if (!outcome.ok) throw new Error(outcome.problem);
  return outcome.report;
}

const capacity = (chips: number): SheetSnapshot => ({ name: 'Capacity', rows: [['Provider', 'Region', 'Silicon', 'Chips', 'Start', 'End'], [...TRN2_POOL, chips, '2026-04-01', '2026-04-30']] });
const priced = (price: number): SheetSnapshot => ({ name: 'Catalog', rows: [['Provider', 'Silicon', 'Price per chip-hour'], ['AWS', 'Trainium2', price]] });

function onlyStake(report: CheckReport) {
  expect(report.conflicts).toHaveLength(1);
  return conflictStakes(report).get(report.conflicts[0].id);
}

describe('conflictStakes', () => {
  describe('without a Capacity table', () => {
    it('counts each day the chips beyond the largest single booking, and 24 chip-hours a chip-day', () => {
      // 20–27 Apr: 64 + 32 chips, the 64 could run alone; 25–26 Apr a third booking of 16 adds its chips.
      const report = check([['A-1', 'Lab A', 64, '2026-04-14', '2026-04-27'], ['C-1', 'Lab C', 32, '2026-04-20', '2026-04-30'], ['C-2', 'Lab C', 16, '2026-04-25', '2026-04-26']]);
      expect(onlyStake(report)).toMatchObject({ excessChipDays: 32 * 8 + 16 * 2, chipHours: 24 * (32 * 8 + 16 * 2) });
    });

    it('takes the largest booking of each day, not of the whole run', () => {
      // 10–12 Apr: 8 + 4 (excess 4); 13–15 Apr: 4 + 2 (excess 2), the 8 having ended.
      const report = check([['A-1', 'Lab A', 8, '2026-04-01', '2026-04-12'], ['B-1', 'Lab B', 4, '2026-04-10', '2026-04-15'], ['C-1', 'Lab C', 2, '2026-04-13', '2026-04-20']]);
      expect(onlyStake(report)?.excessChipDays).toBe(4 * 3 + 2 * 3);
    });
  });

  describe('with a Capacity table', () => {
    it('counts each day the chips booked beyond the chips reserved', () => {
      const report = check([['A-1', 'Lab A', 64, '2026-04-14', '2026-04-27'], ['C-1', 'Lab C', 32, '2026-04-20', '2026-04-30'], ['C-2', 'Lab C', 16, '2026-04-25', '2026-04-26']], [capacity(80)]);
      // Demand 96 on six days and 112 on two, against 80.
      expect(onlyStake(report)).toMatchObject({ excessChipDays: 16 * 6 + 32 * 2, chipHours: 24 * (16 * 6 + 32 * 2) });
    });
  });

  describe('cost at stake', () => {
    it('is chip-hours times the price the Catalog sheet gives the provider and silicon', () => {
      const report = check([['A-1', 'Lab A', 64, '2026-04-14', '2026-04-27'], ['C-1', 'Lab C', 32, '2026-04-20', '2026-04-30']], [priced(2.5)]);
      expect(onlyStake(report)?.cost).toBe(24 * 32 * 8 * 2.5);
    });

    it('is null (unpriced), never 0, when the catalog has no price, as the default catalog has none', () => {
      const report = check([['A-1', 'Lab A', 64, '2026-04-14', '2026-04-27'], ['C-1', 'Lab C', 32, '2026-04-20', '2026-04-30']]);
      expect(onlyStake(report)).toMatchObject({ chipHours: 24 * 32 * 8, cost: null });
    });
  });

  describe('who gives way', () => {
    it('is the tentative booking against a confirmed one, with its lab', () => {
      const report = check([['C-1', 'Lab C', 32, '2026-04-20', '2026-04-30', 'tentative'], ['A-1', 'Lab A', 64, '2026-04-14', '2026-04-27']]);
      expect(onlyStake(report)?.givesWay).toEqual({ row: 2, lab: 'Lab C' });
    });

    it('is the less important Priority when both are confirmed', () => {
      const report = check([['A-1', 'Lab A', 64, '2026-04-14', '2026-04-27', 'confirmed', 'Low'], ['B-1', 'Lab B', 32, '2026-04-20', '2026-04-30', 'confirmed', 'P0']]);
      expect(onlyStake(report)?.givesWay).toEqual({ row: 2, lab: 'Lab A' });
    });

    it('is the later-booked (lower) row when status and priority agree', () => {
      const report = check([['A-1', 'Lab A', 64, '2026-04-14', '2026-04-27'], ['B-1', 'Lab B', 32, '2026-04-20', '2026-04-30']]);
      expect(onlyStake(report)?.givesWay).toEqual({ row: 3, lab: 'Lab B' });
    });

    it('is the later date of a Booked column, even on an earlier row, and the suggestions shift that booking first', () => {
      const header = [...HEADER, 'Booked'];
      const rows: CellValue[][] = [
        ['A-1', 'Lab A', 'Team', 'pre-training', ...TRN2_POOL, 64, '2026-04-14', '2026-04-27', 'confirmed', '', '2026-03-20'],
        ['B-1', 'Lab B', 'Team', 'fine-tuning', ...TRN2_POOL, 32, '2026-04-20', '2026-04-30', 'confirmed', '', '2026-01-08'],
      ];
      const outcome = checkWorkbook({ date1904: false, sheets: [{ name: 'Plan', rows: [header, ...rows] }] });
      if (!outcome.ok) throw new Error(outcome.problem);
      expect(onlyStake(outcome.report)?.givesWay).toEqual({ row: 2, lab: 'Lab A' });
      expect(suggestionsFor(outcome.report, outcome.report.conflicts[0]).ranked[0].row).toBe(2);
    });

    it('is the booking whose change the suggestions offer first: one order for both', () => {
      for (const rows of [
        [['A-1', 'Lab A', 64, '2026-04-14', '2026-04-27', 'tentative'], ['B-1', 'Lab B', 32, '2026-04-20', '2026-04-30']],
        [['A-1', 'Lab A', 64, '2026-04-14', '2026-04-27', 'confirmed', 'High'], ['B-1', 'Lab B', 32, '2026-04-20', '2026-04-30', 'confirmed', 'Critical']],
        [['A-1', 'Lab A', 64, '2026-04-14', '2026-04-27'], ['B-1', 'Lab B', 32, '2026-04-20', '2026-04-30']],
      ] as Row[][]) {
        const report = check(rows);
        expect(onlyStake(report)?.givesWay?.row).toBe(suggestionsFor(report, report.conflicts[0]).ranked[0].row);
      }
    });

    it('names an empty Lab "(no lab)"', () => {
      const report = check([['A-1', 'Lab A', 64, '2026-04-14', '2026-04-27'], ['X-1', '', 32, '2026-04-20', '2026-04-30', 'tentative']]);
      expect(onlyStake(report)?.givesWay).toEqual({ row: 3, lab: '(no lab)' });
    });
  });
});
