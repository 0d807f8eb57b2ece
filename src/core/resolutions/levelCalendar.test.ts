import { checkWorkbook } from '../checkWorkbook';
import { formatIsoDay } from '../model/calendarDay';
import { CheckReport } from '../model/report';
import { CellValue, WorkbookSnapshot } from '../model/snapshot';
import { describeResolution } from '../presentation/describeResolution';
import { LevelOptions, levelCalendar } from './levelCalendar';
import { planId, planLogChanges } from './planLogChanges';

const HEADER = ['Lab', 'Team', 'Provider', 'Region', 'Silicon', 'Chips', 'Start', 'End', 'Status'];
const CAPACITY = ['Provider', 'Region', 'Silicon', 'Chips', 'Start', 'End', 'Reserved for'];
type Row = [lab: string, team: string, region: string, silicon: string, chips: number, start: string, end: string, status?: string];

function workbook(rows: Row[], capacity?: Array<[region: string, silicon: string, chips: number, start: string, end: string, lab?: string]>): { report: CheckReport; snapshot: WorkbookSnapshot } {
  const plan = rows.map(([lab, team, region, silicon, chips, start, end, status = 'confirmed']): CellValue[] => [lab, team, 'AWS', region, silicon, chips, start, end, status]);
  const sheets: Array<WorkbookSnapshot['sheets'][number]> = [{ name: 'Plan', rows: [HEADER, ...plan] }];
  if (capacity !== undefined) sheets.push({ name: 'Capacity', rows: [CAPACITY, ...capacity.map(([region, silicon, chips, start, end, lab = '']) => ['AWS', region, silicon, chips, start, end, lab])] });
  const snapshot: WorkbookSnapshot = { date1904: false, sheets };
  const outcome = checkWorkbook(snapshot);
  if (!outcome.ok) throw new Error(outcome.problem);
  return { report: outcome.report, snapshot };
}

function level(rows: Row[], capacity?: Parameters<typeof workbook>[1], options: LevelOptions = {}) {
  const { report, snapshot } = workbook(rows, capacity);
  const plan = levelCalendar(report, snapshot, options);
  return { plan, report, steps: plan.steps.map((step) => describeResolution(report, step.resolution)) };
}

describe('levelCalendar', () => {
  it('shifts the booking that gives way later by the fewest days, writing its dates', () => {
    const { plan, steps } = level([
      ['Lab A', 'Pretrain', 'us-east-1', 'Trainium2', 64, '2026-04-14', '2026-04-27'],
      ['Lab C', 'Sprint', 'us-east-1', 'Trainium2', 64, '2026-04-20', '2026-04-30', 'tentative'],
    ]);
    expect(steps).toEqual(['Shift Lab C / Sprint by +8 days (28 Apr – 8 May 2026)']);
    expect(plan.steps[0].edits.map((edit) => [edit.address, edit.after])).toEqual([['G3', '2026-04-28'], ['H3', '2026-05-08']]);
    expect(plan.totals).toEqual({ conflicts: 1, resolved: 1, bookingsShifted: 1, daysShifted: 8, bookingsMoved: 0, left: 0 });
  });

  it('takes conflicts by their first day and never lands a shifted booking on a later conflict', () => {
    const { steps } = level([
      ['Lab A', 'A', 'us-east-1', 'H100', 8, '2026-04-01', '2026-04-10'],
      ['Lab B', 'B', 'us-east-1', 'H100', 8, '2026-04-05', '2026-04-08', 'tentative'],
      ['Lab C', 'C', 'us-east-1', 'H100', 8, '2026-04-12', '2026-04-20'],
      ['Lab D', 'D', 'us-east-1', 'H100', 8, '2026-04-15', '2026-04-16', 'tentative'],
    ]);
    expect(steps).toEqual(['Shift Lab B / B by +16 days (21 Apr – 24 Apr 2026)', 'Shift Lab D / D by +10 days (25 Apr – 26 Apr 2026)']);
  });

  it('moves a booking it cannot shift within the horizon to free capacity of the same silicon open to its lab', () => {
    const { plan, steps } = level(
      [['Lab A', 'Big', 'us-east-1', 'Trainium2', 512, '2026-04-01', '2026-04-30'], ['Lab C', 'Sprint', 'us-east-1', 'Trainium2', 512, '2026-04-10', '2026-04-20', 'tentative']],
      [['us-east-1', 'Trainium2', 512, '2026-04-01', '2026-04-30'], ['us-west-2', 'Trainium2', 1024, '2026-04-01', '2026-06-30', 'Lab A'], ['us-east-2', 'Trainium2', 1024, '2026-04-01', '2026-06-30']],
    );
    expect(steps).toEqual(['Move Lab C / Sprint to AWS us-east-2']);
    expect(plan.totals).toMatchObject({ bookingsMoved: 1, bookingsShifted: 0, left: 0 });
  });

  it('leaves a conflict it cannot clear as it is, saying why, and changes nothing for it', () => {
    const { plan } = level(
      [['Lab A', 'Big', 'us-east-1', 'Trainium2', 512, '2026-04-01', '2026-04-30'], ['Lab C', 'Sprint', 'us-east-1', 'Trainium2', 512, '2026-04-10', '2026-04-20', 'tentative']],
      [['us-east-1', 'Trainium2', 512, '2026-04-01', '2026-04-30']],
    );
    expect(plan.steps).toEqual([]);
    expect(plan.left).toEqual([{ conflictId: expect.stringMatching(/^C-/), reason: 'No booking that may give way can be shifted within 90 days or moved to free capacity of its silicon family open to its lab.' }]);
  });

  it('lets only tentative bookings give way when told to, and levels only the pools or labs asked', () => {
    const rows: Row[] = [
      ['Lab A', 'A', 'us-east-1', 'H100', 8, '2026-04-01', '2026-04-10'], ['Lab B', 'B', 'us-east-1', 'H100', 8, '2026-04-05', '2026-04-08'],
      ['Lab C', 'C', 'us-west-2', 'H100', 8, '2026-04-01', '2026-04-10'], ['Lab D', 'D', 'us-west-2', 'H100', 8, '2026-04-05', '2026-04-08', 'tentative'],
    ];
    expect(level(rows, undefined, { tentativeOnly: true }).plan).toMatchObject({
      steps: [expect.objectContaining({ resolution: expect.objectContaining({ row: 5 }) })],
      left: [{ conflictId: expect.any(String), reason: 'Only confirmed bookings hold it, and only tentative ones may give way.' }],
    });
    const { report } = workbook(rows);
    const west = report.conflicts.find((conflict) => conflict.pool.region === 'us-west-2')!.pool.key;
    expect(level(rows, undefined, { pools: new Set([west]) }).plan.steps.map((step) => step.resolution.row)).toEqual([5]);
    expect(level(rows, undefined, { labs: new Set(['laba']) }).plan.steps.map((step) => step.resolution.row)).toEqual([2]);
    const east = report.conflicts.find((conflict) => conflict.pool.region === 'us-east-1')!.id;
    expect(level(rows, undefined, { conflicts: new Set([east]) }).plan.steps.map((step) => step.resolution.row)).toEqual([3]);
  });

  it('gives the same plan for the same workbook', () => {
    const rows: Row[] = [['Lab A', 'A', 'us-east-1', 'H100', 8, '2026-04-01', '2026-04-10'], ['Lab B', 'B', 'us-east-1', 'H100', 8, '2026-04-05', '2026-04-08']];
    expect(level(rows).plan).toEqual(level(rows).plan);
    expect(formatIsoDay((level(rows).plan.steps[0].resolution as { start: number }).start)).toBe('2026-04-11');
  });
  describe('when cells it would write hold formulas', () => {
    const rows: Row[] = [
      ['Lab A', 'A', 'us-east-1', 'H100', 8, '2026-04-01', '2026-04-10'],
      ['Lab B', 'B', 'us-east-1', 'H100', 8, '2026-04-05', '2026-04-08', 'tentative'],
    ];

    it('holds that booking in place and lets the next one give way', () => {
      const { plan, steps } = level(rows, undefined, { formulaCells: [{ sheet: 'Plan', address: 'H3', formula: '=G3+3' }] });
      expect(steps).toEqual(['Shift Lab A / A by +8 days (9 Apr – 18 Apr 2026)']);
      expect(plan.steps.flatMap((step) => step.edits.map((edit) => edit.address))).toEqual(['G2', 'H2']);
      expect(plan.left).toEqual([]);
    });

    it('leaves the conflict, naming the formula cells, when no booking may give way', () => {
      const formulaCells = [{ sheet: 'Plan', address: 'H3', formula: '=G3+3' }, { sheet: 'Plan', address: 'G2', formula: '=DATE(2026,4,1)' }];
      const { plan } = level(rows, undefined, { formulaCells });
      expect(plan.steps).toEqual([]);
      expect(plan.left.map((left) => left.reason)).toEqual(['Row 2 keeps its place: G2 holds a formula, which a plan never overwrites. Row 3 keeps its place: H3 holds a formula, which a plan never overwrites.']);
    });

    it('ignores formulas of cells no change writes', () => {
      expect(level(rows, undefined, { formulaCells: [{ sheet: 'Plan', address: 'F3', formula: '=2*4' }] }).plan).toEqual(level(rows).plan);
    });
  });

  it('logs one entry per step under the plan id, worded as the pane words the step', () => {
    const { plan, report } = level(rows2());
    const id = planId(plan.steps);
    expect(planLogChanges(report, plan.steps)).toEqual([{
      action: 'level shift', conflict: plan.steps[0].resolution.conflictId, rows: '3', edits: plan.steps[0].edits,
      reason: `Plan ${id}: Shift Lab C / Sprint by +8 days (28 Apr – 8 May 2026)`,
    }]);
  });
});

function rows2(): Row[] {
  return [['Lab A', 'Pretrain', 'us-east-1', 'Trainium2', 64, '2026-04-14', '2026-04-27'], ['Lab C', 'Sprint', 'us-east-1', 'Trainium2', 64, '2026-04-20', '2026-04-30', 'tentative']];
}
