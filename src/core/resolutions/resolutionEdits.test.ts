import { dayFromYmd, serialFromDay } from '../model/calendarDay';
import { checkWorkbook } from '../checkWorkbook';
import { planIssueFix, planResolutionEdits } from './resolutionEdits';
import { CellValue, WorkbookSnapshot } from '../model/snapshot';
import { CheckReport } from '../model/report';

const day = (iso: string) => dayFromYmd(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10))) as number;
const HEADER = ['Provider', 'Region', 'Silicon', 'Chips', 'Start', 'End', 'Block'];

function checked(rows: CellValue[][], date1904 = false): { report: CheckReport; snapshot: WorkbookSnapshot } {
  const snapshot: WorkbookSnapshot = { date1904, sheets: [{ name: 'Plan', rows: [HEADER, ...rows] }] };
  const outcome = checkWorkbook(snapshot);
  if (!outcome.ok) throw new Error(outcome.problem);
  return { report: outcome.report, snapshot };
}

describe('planResolutionEdits', () => {
  describe('for a shift', () => {
    it('writes date serials of the workbook’s date system into cells that hold serials', () => {
      const { report, snapshot } = checked([['Amazon Web Services', 'us-east-1', 'Trn2', 64, serialFromDay(day('2026-04-14'), true), serialFromDay(day('2026-04-27'), true)]], true);
      const edits = planResolutionEdits(report, snapshot, { kind: 'shift', conflictId: 'C-1', row: 2, days: 14, start: day('2026-04-28'), end: day('2026-05-11') });
      expect(edits).toEqual([
        { sheet: 'Plan', address: 'E2', before: serialFromDay(day('2026-04-14'), true), after: serialFromDay(day('2026-04-28'), true) },
        { sheet: 'Plan', address: 'F2', before: serialFromDay(day('2026-04-27'), true), after: serialFromDay(day('2026-05-11'), true) },
      ]);
    });

    it('writes ISO text into cells that hold text dates', () => {
      const { report, snapshot } = checked([['AWS', 'us-east-1', 'Trainium2', 64, '14 Apr 2026', '2026-04-27']]);
      const edits = planResolutionEdits(report, snapshot, { kind: 'shift', conflictId: 'C-1', row: 2, days: 1, start: day('2026-04-15'), end: day('2026-04-28') });
      expect(edits.map((edit) => [edit.address, edit.before, edit.after])).toEqual([['E2', '14 Apr 2026', '2026-04-15'], ['F2', '2026-04-27', '2026-04-28']]);
    });
  });

  describe('for a move', () => {
    it('changes only the cells that name something else, keeping the user’s spelling of the rest', () => {
      const { report, snapshot } = checked([['Amazon Web Services', 'us-east-1', 'trn2', 64, '2026-04-14', '2026-04-27', 'blk-1']]);
      const edits = planResolutionEdits(report, snapshot, {
        kind: 'move', conflictId: 'C-1', row: 2, provider: 'AWS', region: 'us-east-2', silicon: 'Trainium2', block: '', needsPort: false, sameSilicon: true,
      });
      expect(edits.map((edit) => [edit.address, edit.before, edit.after])).toEqual([['B2', 'us-east-1', 'us-east-2'], ['G2', 'blk-1', '']]);
    });
  });

  describe('for a shrink', () => {
    it('keeps a chip count typed as text as text', () => {
      const { report, snapshot } = checked([['AWS', 'us-east-1', 'Trainium2', '1,024', '2026-04-14', '2026-04-27']]);
      const edits = planResolutionEdits(report, snapshot, { kind: 'shrink', conflictId: 'C-1', row: 2, fromChips: 1024, chips: 512 });
      expect(edits).toEqual([{ sheet: 'Plan', address: 'D2', before: '1,024', after: '512' }]);
    });
  });

  describe('for a trim', () => {
    it('changes only the date that moves', () => {
      const { report, snapshot } = checked([['AWS', 'us-east-1', 'Trainium2', 64, '2026-04-01', '2026-04-15']]);
      const edits = planResolutionEdits(report, snapshot, { kind: 'trim', conflictId: 'C-1', row: 2, start: day('2026-04-01'), end: day('2026-04-13'), daysLost: 2 });
      expect(edits.map((edit) => [edit.address, edit.before, edit.after])).toEqual([['F2', '2026-04-15', '2026-04-13']]);
    });
  });

  describe('TFLOPS that matched the booking', () => {
    const TFLOPS_HEADER = ['Provider', 'Region', 'Silicon', 'Chips', 'Start', 'End', 'TFLOPS'];
    const withTflops = (tflops: CellValue) => {
      const snapshot: WorkbookSnapshot = { date1904: false, sheets: [{ name: 'Plan', rows: [TFLOPS_HEADER, ['AWS', 'us-east-1', 'Trainium2', 2048, '2026-04-14', '2026-04-27', tflops]] }] };
      const outcome = checkWorkbook(snapshot);
      if (!outcome.ok) throw new Error(outcome.problem);
      return { report: outcome.report, snapshot };
    };

    it('follow the chips of a shrink, so the row stays valid', () => {
      const { report, snapshot } = withTflops(2048 * 667);
      const edits = planResolutionEdits(report, snapshot, { kind: 'shrink', conflictId: 'C-1', row: 2, fromChips: 2048, chips: 1792 });
      expect(edits.map((edit) => [edit.address, edit.after])).toEqual([['D2', 1792], ['G2', 1792 * 667]]);
    });

    it('follow the silicon of a move, in the spelling the cell used', () => {
      const { report, snapshot } = withTflops('1366016');
      const edits = planResolutionEdits(report, snapshot, {
        kind: 'move', conflictId: 'C-1', row: 2, provider: 'AWS', region: 'us-east-1', silicon: 'H100 SXM', block: '', needsPort: true, sameSilicon: false,
      });
      expect(edits.map((edit) => [edit.address, edit.after])).toEqual([['C2', 'H100 SXM'], ['G2', String(2048 * 989)]]);
    });

    it('stay as typed when they did not match the chips before', () => {
      const { report, snapshot } = withTflops(1_000_000);
      const edits = planResolutionEdits(report, snapshot, { kind: 'shrink', conflictId: 'C-1', row: 2, fromChips: 2048, chips: 1792 });
      expect(edits.map((edit) => edit.address)).toEqual(['D2']);
    });
  });

  it('edits nothing to accept an overlap', () => {
    const { report, snapshot } = checked([['AWS', 'us-east-1', 'Trainium2', 64, '2026-04-14', '2026-04-27']]);
    expect(planResolutionEdits(report, snapshot, { kind: 'accept', conflictId: 'C-1', reason: 'agreed' })).toEqual([]);
  });
});

describe('planIssueFix', () => {
  it('writes the reading the lead picks into an ambiguous date, either one', () => {
    const { report, snapshot } = checked([['AWS', 'us-east-1', 'Trainium2', 64, '04/05/2026', '2026-05-27']]);
    const issue = report.issues.find((candidate) => candidate.code === 'invalid-date');
    expect(issue?.alternatives).toEqual(['2026-05-04', '2026-04-05']);
    for (const value of issue?.alternatives ?? []) {
      expect(planIssueFix(snapshot, issue!, value)).toEqual([{ sheet: 'Plan', address: 'E2', before: '04/05/2026', after: value }]);
    }
  });

  it('writes the suggestion when no alternative is picked, and nothing when there is none', () => {
    const { report, snapshot } = checked([['AWS', 'us-east-1', 'Trainuim2', 64, '2026-04-14', '2026-04-27']]);
    const typo = report.issues.find((candidate) => candidate.code === 'unknown-silicon')!;
    expect(planIssueFix(snapshot, typo)).toEqual([{ sheet: 'Plan', address: 'C2', before: 'Trainuim2', after: 'Trainium2' }]);
    expect(planIssueFix(snapshot, { ...typo, suggestion: undefined })).toEqual([]);
  });
});
