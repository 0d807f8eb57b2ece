import { checkWorkbook } from '../checkWorkbook';
import { CheckReport } from '../model/report';
import { CellValue } from '../model/snapshot';
import { conflictFacts, facetGroups, triage } from './triage';

const HEADER = ['ID', 'Lab', 'Team', 'Workload', 'Provider', 'Region', 'Silicon', 'Chips', 'Start', 'End', 'Notes'];

function report(rows: CellValue[][]): CheckReport {
  const outcome = checkWorkbook({ date1904: false, sheets: [{ name: 'Plan', rows: [HEADER, ...rows] }] });
  if (!outcome.ok) throw new Error(outcome.problem);
  return outcome.report;
}

const r = report([
  ['A-1', 'Lab A', 'Pretrain', 'pre-training', 'AWS', 'us-east-1', 'Trainium2', 512, '2026-04-01', '2026-04-20', ''],
  ['B-1', 'Lab B', 'Sprint', 'fine-tuning', 'AWS', 'us-east-1', 'Trainium2', 256, '2026-04-10', '2026-04-12', 'needs EFA'],
  ['A-2', 'Lab A', 'Eval', 'evaluation', 'Google Cloud', 'us-central1', 'TPU v6e', 64, '2026-05-01', '2026-05-03', ''],
  ['C-1', 'Lab C', 'Serve', 'inference', 'Google Cloud', 'us-central1', 'TPU v6e', 64, '2026-05-02', '2026-05-09', ''],
  ['C-2', 'Lab C', 'Serve', 'inference', 'Google Cloud', 'us-central1', 'TPU v6e', 64, '2026-03-01', '2026-03-02', ''],
  ['A-3', 'Lab A', 'Eval', 'evaluation', 'Google Cloud', 'us-central1', 'TPU v6e', 64, '2026-03-02', '2026-03-05', ''],
]);
const facts = conflictFacts(r);
const pools = (selected: ReturnType<typeof triage>) => selected.map((fact) => `${fact.conflict.pool.silicon}@${fact.conflict.start}`);

describe('triage of conflicts', () => {
  it('files a conflict under every lab holding it, and counts each group', () => {
    expect(facetGroups(facts, 'lab')).toEqual([{ value: 'Lab A', count: 3 }, { value: 'Lab C', count: 2 }, { value: 'Lab B', count: 1 }]);
    expect(facetGroups(facts, 'state')).toEqual([{ value: 'open', count: 3 }]);
  });

  it('narrows to a lab and a silicon, in first-day order', () => {
    const selected = triage(facts, { filters: { lab: 'Lab C', silicon: 'TPU v6e' } });
    expect(selected.map((fact) => fact.conflict.rows)).toEqual([[6, 7], [4, 5]]);
  });

  it('searches IDs, labs, teams, workloads and notes, every word', () => {
    expect(triage(facts, { search: 'efa' }).map((fact) => fact.conflict.rows)).toEqual([[2, 3]]);
    expect(triage(facts, { search: 'lab c  a-3' }).map((fact) => fact.conflict.rows)).toEqual([[6, 7]]);
    expect(triage(facts, { search: 'nobody' })).toEqual([]);
  });

  it('sorts by chips on the busiest day, or by chip-hours at stake, largest first', () => {
    expect(pools(triage(facts, { order: 'excess-chips' }))[0]).toMatch(/^Trainium2/);
    const stake = new Map(r.conflicts.map((conflict, index) => [conflict.id, [5, 50, 1][index]]));
    expect(triage(facts, { order: 'chip-hours' }, (conflict) => stake.get(conflict.id) ?? 0).map((fact) => fact.conflict.id)).toEqual([r.conflicts[1].id, r.conflicts[0].id, r.conflicts[2].id]);
  });

  it('keeps the conflicts overlapping a week, a day on either edge included', () => {
    const day = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;
    // The TPU conflicts: 2026-03-02 (rows 6, 7) and 2026-05-02..03 (rows 4, 5).
    expect(triage(facts, { during: { first: day('2026-05-03'), last: day('2026-05-09') } }).map((fact) => fact.conflict.rows)).toEqual([[4, 5]]);
    expect(triage(facts, { during: { first: day('2026-02-23'), last: day('2026-03-01') } })).toEqual([]);
    expect(triage(facts, { during: { first: day('2026-03-02'), last: day('2026-03-08') } }).map((fact) => fact.conflict.rows)).toEqual([[6, 7]]);
  });
});
