import { checkWorkbook } from '../checkWorkbook';
import { dayFromYmd } from '../model/calendarDay';
import { CheckReport } from '../model/report';
import { CellValue } from '../model/snapshot';
import { heatmapAsOf, mondayOf, poolWeeks } from './poolWeeks';

const HEADER = ['Lab', 'Provider', 'Region', 'Silicon', 'Chips', 'Start', 'End'];
type Row = [lab: string, region: string, chips: number, start: string, end: string];

function check(rows: Row[], capacity?: Array<[region: string, chips: number, start: string, end: string]>): CheckReport {
  const sheets = [{ name: 'Plan', rows: [HEADER, ...rows.map(([lab, region, ...rest]): CellValue[] => [lab, 'AWS', region, 'H100', ...rest])] }];
  if (capacity !== undefined) sheets.push({ name: 'Capacity', rows: [HEADER.slice(1), ...capacity.map(([region, ...rest]) => ['AWS', region, 'H100', ...rest])] });
  const outcome = checkWorkbook({ date1904: false, sheets });
  if (!outcome.ok) throw new Error(outcome.problem);
  return outcome.report;
}

const day = (iso: string) => dayFromYmd(...(iso.split('-').map(Number) as [number, number, number])) as number;

describe('poolWeeks', () => {
  it('starts on the Monday of the as-of week and spans a quarter unless told', () => {
    const weeks = poolWeeks(check([['Lab A', 'us-east-1', 8, '2026-04-14', '2026-04-27']]), { asOf: day('2026-04-16') });
    expect(weeks.weeks).toHaveLength(13);
    expect(weeks.weeks.slice(0, 2)).toEqual(['2026-04-13', '2026-04-20']);
    expect(mondayOf(day('2026-04-13'))).toBe(day('2026-04-13'));
    expect(mondayOf(day('2026-04-19'))).toBe(day('2026-04-13'));
  });

  it('starts the heatmap today, or at the first open conflict when that is earlier', () => {
    const report = check([['Lab A', 'us-east-1', 8, '2026-04-14', '2026-04-27'], ['Lab B', 'us-east-1', 8, '2026-04-20', '2026-04-22']]);
    expect(heatmapAsOf(report, day('2026-12-03'))).toBe(day('2026-04-20'));
    expect(heatmapAsOf(report, day('2026-03-01'))).toBe(day('2026-03-01'));
    expect(heatmapAsOf(check([['Lab A', 'us-east-1', 8, '2026-04-14', '2026-04-27']]), day('2026-12-03'))).toBe(day('2026-12-03'));
  });

  describe('with a Capacity table', () => {
    it('gives each week its capacity, demand, peak and utilisation in chip-days, and its over-booked days', () => {
      // Week of 6 Apr: 64 reserved every day; 32 booked all week and 64 more on 8–9 Apr (96 > 64 on two days).
      const report = check([['Lab A', 'us-east-1', 32, '2026-04-06', '2026-04-12'], ['Lab B', 'us-east-1', 64, '2026-04-08', '2026-04-09']], [['us-east-1', 64, '2026-04-01', '2026-04-30']]);
      const [pool] = poolWeeks(report, { asOf: day('2026-04-06'), weeks: 2 }).pools;
      expect(pool.label).toBe('AWS us-east-1 H100 SXM');
      expect(pool.weeks[0]).toEqual({
        week: '2026-04-06', capacityChipDays: 64 * 7, demandChipDays: 32 * 7 + 64 * 2, peakDemand: 96,
        utilisation: (32 * 7 + 64 * 2) / (64 * 7), overbookedDays: 2, overbooked: true,
      });
      expect(pool.weeks[1]).toMatchObject({ week: '2026-04-13', capacityChipDays: 64 * 7, demandChipDays: 0, utilisation: 0, overbooked: false });
    });

    it('has no utilisation for a week with nothing reserved', () => {
      const report = check([['Lab A', 'us-east-1', 8, '2026-05-04', '2026-05-05']], [['us-east-1', 64, '2026-05-01', '2026-05-31']]);
      const [pool] = poolWeeks(report, { asOf: day('2026-04-20'), weeks: 3 }).pools;
      expect(pool.weeks.map((week) => week.utilisation)).toEqual([null, 0, (8 * 2) / (64 * 7)]);
    });
  });

  describe('without a Capacity table', () => {
    it('gives the share of the week some booking holds, and marks the week with a double-booked day', () => {
      const report = check([['Lab A', 'us-east-1', 8, '2026-04-06', '2026-04-08'], ['Lab B', 'us-east-1', 8, '2026-04-08', '2026-04-08']]);
      const [pool] = poolWeeks(report, { asOf: day('2026-04-06'), weeks: 1 }).pools;
      expect(pool.weeks[0]).toMatchObject({ capacityChipDays: null, demandChipDays: 8 * 4, utilisation: 3 / 7, overbookedDays: 1, overbooked: true });
    });
  });

  it('leaves out pools with nothing in the weeks, and the weeks before the as-of date', () => {
    const report = check([['Lab A', 'us-east-1', 8, '2026-03-02', '2026-03-06'], ['Lab A', 'us-west-2', 8, '2026-04-14', '2026-04-15']]);
    const weeks = poolWeeks(report, { asOf: day('2026-04-14') });
    expect(weeks.pools.map((pool) => pool.label)).toEqual(['AWS us-west-2 H100 SXM']);
  });
});
