import { formatIsoDay } from './model/calendarDay';
import { checkWorkbook } from './checkWorkbook';
import { conflictCells } from './paint/paintTargets';
import { RESOLUTION_LOG_COLUMNS } from './resolutions/resolutionLog';
import { CellValue, SheetSnapshot, WorkbookSnapshot } from './model/snapshot';
import { CheckReport, Conflict } from './model/report';

type Row = CellValue[];

const HEADER = ['Lab', 'Workload', 'Provider', 'Region', 'Silicon', 'Chips', 'Start', 'End', 'Status'];

/** A workbook whose first sheet is the allocation table: row 1 the header, then `rows`. */
function workbook(header: Row, rows: Row[], ...others: SheetSnapshot[]): WorkbookSnapshot {
  return { date1904: false, sheets: [{ name: 'Bookings', rows: [header, ...rows] }, ...others] };
}

function booking(provider: string, region: string, silicon: string, start: CellValue, end: CellValue, status = 'confirmed', chips: CellValue = 64): Row {
  return ['Lab A', 'pre-training', provider, region, silicon, chips, start, end, status];
}

function check(snapshot: WorkbookSnapshot): CheckReport {
  const outcome = checkWorkbook(snapshot);
  if (!outcome.ok) throw new Error(`check failed: ${outcome.problem}`);
  return outcome.report;
}

/** What the conflict list tells a planner: pool, window, rows and chips. */
function conflictsOf(report: CheckReport) {
  return report.conflicts.map((conflict: Conflict) => ({
    pool: [conflict.pool.provider, conflict.pool.region, conflict.pool.silicon, conflict.pool.block].filter((part) => part !== '').join(' / '),
    start: formatIsoDay(conflict.start),
    end: formatIsoDay(conflict.end),
    rows: conflict.rows,
    bookedChips: conflict.bookedChips,
    capacityChips: conflict.capacityChips,
    excessChips: conflict.excessChips,
  }));
}

function codesOnRow(report: CheckReport, row: number): string[] {
  return report.issues.filter((issue) => issue.row === row && issue.sheet === 'Bookings').map((issue) => issue.code);
}

describe('checkWorkbook conflicts', () => {
  describe('inactive rows', () => {
    it.each(['Cancelled', 'canceled', 'RELEASED', ' released '])('leaves out a row whose status is %j', (status) => {
      const report = check(workbook(HEADER, [
        booking('AWS', 'us-east-1', 'Trainium2', '2026-04-14', '2026-04-27'),
        booking('AWS', 'us-east-1', 'Trainium2', '2026-04-14', '2026-04-27', status),
      ]));
      expect(report.conflicts).toEqual([]);
    });

    it('lists only the active rows of a conflict that a cancelled row also overlaps', () => {
      const report = check(workbook(HEADER, [
        booking('AWS', 'us-east-1', 'Trainium2', '2026-04-14', '2026-04-27'),
        booking('AWS', 'us-east-1', 'Trainium2', '2026-04-14', '2026-04-27', 'cancelled'),
        booking('AWS', 'us-east-1', 'Trainium2', '2026-04-20', '2026-04-22', 'tentative'),
      ]));
      expect(conflictsOf(report)).toEqual([
        { pool: 'AWS / us-east-1 / Trainium2', start: '2026-04-20', end: '2026-04-22', rows: [2, 4], bookedChips: 128, capacityChips: null, excessChips: null },
      ]);
    });

    it.each([
      ['ambiguous text', '04/05/2026', '2026-04-27', 'invalid-date'],
      ['text that is no date', 'TBD', '2026-04-27', 'invalid-date'],
      ['an error value', { error: '#REF!' }, '2026-04-27', 'invalid-date'],
      ['an End before its Start', '2026-04-27', '2026-04-14', 'end-before-start'],
    ])('leaves out a row whose dates are invalid (%s), reporting it instead', (_label, start, end, code) => {
      const report = check(workbook(HEADER, [
        booking('AWS', 'us-east-1', 'Trainium2', '2026-04-01', '2026-04-30'),
        booking('AWS', 'us-east-1', 'Trainium2', start, end),
      ]));
      expect(report.conflicts).toEqual([]);
      expect(codesOnRow(report, 3)).toContain(code);
    });
  });

  describe('pools', () => {
    it('puts aliases of provider, silicon and region into one pool', () => {
      const report = check(workbook(HEADER, [
        booking('AWS', 'us-east-1', 'Trn2', '2026-04-14', '2026-04-27'),
        booking('Amazon Web Services', 'US East 1', 'Trainium2', '2026-04-20', '2026-05-03'),
      ]));
      expect(conflictsOf(report)).toEqual([
        { pool: 'AWS / us-east-1 / Trainium2', start: '2026-04-20', end: '2026-04-27', rows: [2, 3], bookedChips: 128, capacityChips: null, excessChips: null },
      ]);
    });

    it('keeps different regions of the same provider and silicon apart', () => {
      const report = check(workbook(HEADER, [
        booking('AWS', 'us-east-1', 'Trainium2', '2026-04-14', '2026-04-27'),
        booking('AWS', 'us-east-2', 'Trainium2', '2026-04-14', '2026-04-27'),
      ]));
      expect(report.conflicts).toEqual([]);
    });

    describe('with a Block column', () => {
      const withBlock = [...HEADER, 'Block'];
      it('keeps two blocks of the same silicon and region apart', () => {
        const report = check(workbook(withBlock, [
          [...booking('AWS', 'us-east-1', 'Trainium2', '2026-04-14', '2026-04-27'), 'blk-1'],
          [...booking('AWS', 'us-east-1', 'Trainium2', '2026-04-14', '2026-04-27'), 'blk-2'],
        ]));
        expect(report.conflicts).toEqual([]);
      });

      it('matches a block written two ways as one pool', () => {
        const report = check(workbook(withBlock, [
          [...booking('AWS', 'us-east-1', 'Trainium2', '2026-04-14', '2026-04-27'), 'blk-1'],
          [...booking('AWS', 'us-east-1', 'Trainium2', '2026-04-27', '2026-04-30'), 'BLK 1'],
        ]));
        expect(conflictsOf(report)).toMatchObject([{ start: '2026-04-27', end: '2026-04-27', rows: [2, 3] }]);
      });

      it('keeps a row with an empty Block apart from a row in a block', () => {
        const report = check(workbook(withBlock, [
          [...booking('AWS', 'us-east-1', 'Trainium2', '2026-04-14', '2026-04-27'), ''],
          [...booking('AWS', 'us-east-1', 'Trainium2', '2026-04-14', '2026-04-27'), 'blk-1'],
        ]));
        expect(report.conflicts).toEqual([]);
      });
    });

    it('still finds conflicts between names the catalog does not know, by their normalised text', () => {
      const report = check(workbook(HEADER, [
        booking('Acme Cloud', 'Dallas North', 'Quantum X1', '2026-04-14', '2026-04-27'),
        booking('acme-cloud', 'DALLAS_NORTH', 'quantum x-1', '2026-04-27', '2026-04-28'),
      ]));
      expect(conflictsOf(report)).toEqual([
        { pool: 'Acme Cloud / Dallas North / Quantum X1', start: '2026-04-27', end: '2026-04-27', rows: [2, 3], bookedChips: 128, capacityChips: null, excessChips: null },
      ]);
      expect(codesOnRow(report, 2)).toEqual(expect.arrayContaining(['unknown-provider', 'unknown-silicon']));
    });

    it('does not merge a misspelt silicon into the real one, but suggests it', () => {
      const report = check(workbook(HEADER, [
        booking('AWS', 'us-east-1', 'Trainium2', '2026-04-14', '2026-04-27'),
        booking('AWS', 'us-east-1', 'Trainuim2', '2026-04-14', '2026-04-27'),
      ]));
      expect(report.conflicts).toEqual([]);
      expect(report.issues).toEqual(expect.arrayContaining([expect.objectContaining({ row: 3, code: 'unknown-silicon', suggestion: 'Trainium2' })]));
    });
  });

  describe('the motivating incident', () => {
    // Two labs booked the same Trainium2 block in one AWS region on the same dates, inside its two-week window.
    const header = ['Lab', 'Team', 'Workload', 'Provider', 'Region', 'Silicon', 'Block', 'Chips', 'Start', 'End', 'Status'];
    const preTraining: Row = ['Lab A', 'Frontier', 'pre-training', 'AWS', 'us-east-2', 'Trainium2', 'trn2-use2-a', 64, '2026-04-14', '2026-04-23', 'confirmed'];
    const fineTuning: Row = ['Lab B', 'Post-training', 'fine-tuning', 'Amazon', 'us-east-2', 'Trn2', 'trn2-use2-a', 64, '2026-04-14', '2026-04-23', 'confirmed'];

    it('reports one conflict over the shared dates with both rows', () => {
      const report = check(workbook(header, [preTraining, fineTuning]));
      expect(conflictsOf(report)).toEqual([
        { pool: 'AWS / us-east-2 / Trainium2 / trn2-use2-a', start: '2026-04-14', end: '2026-04-23', rows: [2, 3], bookedChips: 128, capacityChips: null, excessChips: null },
      ]);
    });

    it('reports the excess over the block when a Capacity table reserves it', () => {
      const capacity: SheetSnapshot = {
        name: 'Capacity',
        rows: [['Provider', 'Region', 'Silicon', 'Block', 'Chips', 'Start', 'End'], ['AWS', 'us-east-2', 'Trainium2', 'trn2-use2-a', 64, '2026-04-14', '2026-04-27']],
      };
      const report = check(workbook(header, [preTraining, fineTuning], capacity));
      expect(conflictsOf(report)).toEqual([
        { pool: 'AWS / us-east-2 / Trainium2 / trn2-use2-a', start: '2026-04-14', end: '2026-04-23', rows: [2, 3], bookedChips: 128, capacityChips: 64, excessChips: 64 },
      ]);
    });

    it('has no conflict once the fine-tuning sprint is bumped by ten days', () => {
      const bumped: Row = [...fineTuning.slice(0, 8), '2026-04-24', '2026-05-03', 'confirmed'];
      const report = check(workbook(header, [preTraining, bumped]));
      expect(report.conflicts).toEqual([]);
      expect(report.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
    });
  });

  describe('conflict ids', () => {
    const rows = [
      booking('AWS', 'us-east-1', 'Trainium2', '2026-04-14', '2026-04-27'),
      booking('Google Cloud', 'us-central1', 'TPU v5p', '2026-05-01', '2026-05-10'),
      booking('AWS', 'us-east-1', 'Trn2', '2026-04-20', '2026-04-30'),
      booking('GCP', 'us-central1-a', 'v5p', '2026-05-10', '2026-05-12'),
    ];

    it('are the same in two checks of the same workbook', () => {
      const first = check(workbook(HEADER, rows)).conflicts.map((conflict) => conflict.id);
      const second = check(workbook(HEADER, rows)).conflicts.map((conflict) => conflict.id);
      expect(first).toHaveLength(2);
      expect(new Set(first).size).toBe(2);
      expect(second).toEqual(first);
    });

    it('do not change when the rows are reordered', () => {
      const byWindow = (report: CheckReport) => report.conflicts.map((conflict) => [formatIsoDay(conflict.start), conflict.id]);
      const original = check(workbook(HEADER, rows));
      const reordered = check(workbook(HEADER, [rows[3], rows[2], rows[1], rows[0]]));
      expect(byWindow(reordered)).toEqual(byWindow(original));
      expect(reordered.conflicts.map((conflict) => conflict.rows)).toEqual([[3, 5], [2, 4]]);
    });

    it('change when the window changes', () => {
      const original = check(workbook(HEADER, rows)).conflicts[0].id;
      const longer = check(workbook(HEADER, [rows[0], rows[1], booking('AWS', 'us-east-1', 'Trn2', '2026-04-19', '2026-04-30')])).conflicts[0].id;
      expect(longer).not.toBe(original);
    });
  });

  describe('cells to paint', () => {
    // Columns deliberately out of the usual order, with columns the tool does not paint between them.
    const header = ['Notes', 'Start', 'Provider', 'Team', 'End', 'Region', 'Chips', 'Status', 'Silicon', 'Block', 'TFLOPS'];
    const column = (name: string): number => header.indexOf(name);
    const row = (provider: string, silicon: string, block: string, start: string, end: string): Row =>
      ['', start, provider, 'Team', end, 'us-east-1', 8, 'confirmed', silicon, block, null];
    const rows = [
      row('AWS', 'Trainium2', 'b1', '2026-04-14', '2026-04-27'), // 2: conflict with 4
      row('AWS', 'H100', '', '2026-04-14', '2026-04-27'), // 3: alone
      row('AWS', 'Trn2', 'b1', '2026-04-20', '2026-04-21'), // 4
      row('AWS', 'H100', 'b9', '2026-06-01', '2026-06-05'), // 5: conflict with 6, to be accepted
      row('AWS', 'H100 SXM', 'B9', '2026-06-05', '2026-06-09'), // 6
    ];

    it('are Silicon, Start, End, Block and Chips of every row of every conflict, and nothing else', () => {
      const report = check(workbook(header, rows));
      expect(report.conflicts.map((conflict) => conflict.rows)).toEqual([[2, 4], [5, 6]]);
      const painted = ['Start', 'Chips', 'End', 'Silicon', 'Block'].map(column).sort((a, b) => a - b);
      expect(conflictCells(report)).toEqual([2, 4, 5, 6].flatMap((sheetRow) => painted.map((index) => ({ row: sheetRow - 1, column: index }))));
    });

    it('leave out the rows of an accepted conflict', () => {
      const first = check(workbook(header, rows));
      const log: SheetSnapshot = {
        name: 'Resolution log',
        rows: [[...RESOLUTION_LOG_COLUMNS], ['2026-04-01T10:00:00Z', 'lead@lab-a', first.conflicts[1].id, 'accept', '5, 6', '', '', 'Shared by agreement']],
      };
      const report = check(workbook(header, rows, log));
      expect(report.conflicts.map((conflict) => [conflict.rows, conflict.accepted])).toEqual([[[2, 4], false], [[5, 6], true]]);
      expect([...new Set(conflictCells(report).map((cell) => cell.row + 1))]).toEqual([2, 4]);
    });

    it('are only Silicon, Start and End where the table has no Block or Chips column', () => {
      const plain = ['Provider', 'Region', 'Silicon', 'Start', 'End'];
      const report = check(workbook(plain, [
        ['AWS', 'us-east-1', 'Trainium2', '2026-04-14', '2026-04-27'],
        ['AWS', 'us-east-1', 'H100', '2026-04-14', '2026-04-27'],
        ['AWS', 'us-east-1', 'Trainium2', '2026-04-27', '2026-04-27'],
      ]));
      expect(conflictCells(report)).toEqual([2, 4].flatMap((sheetRow) => [2, 3, 4].map((index) => ({ row: sheetRow - 1, column: index }))));
    });

    it('are none when nothing is double-booked', () => {
      const report = check(workbook(header, [rows[0], rows[1]]));
      expect(conflictCells(report)).toEqual([]);
    });
  });

  describe('known bugs outside the sweep (skipped until fixed)', () => {
    // Bug in readBookings.readChips: a number cell above Number.MAX_SAFE_INTEGER is accepted as chips (the text path
    // checks isSafeInteger, the number path does not), and the sweep's running sums then lose the small bookings.
    it('reports an absurd chip count instead of losing the other bookings’ demand', () => {
      const report = check(workbook(HEADER, [
        booking('AWS', 'us-east-1', 'Trn2', '2026-04-01', '2026-04-05', 'confirmed', 1e17),
        booking('AWS', 'us-east-1', 'Trn2', '2026-04-01', '2026-04-20', 'confirmed', 1),
        booking('AWS', 'us-east-1', 'Trn2', '2026-04-01', '2026-04-20', 'confirmed', 1),
      ], { name: 'Capacity', rows: [['Provider', 'Region', 'Silicon', 'Chips', 'Start', 'End'], ['AWS', 'us-east-1', 'Trn2', 1, '2026-04-01', '2026-04-30']] }));
      expect(codesOnRow(report, 2)).toContain('invalid-chips');
      // 6–20 Apr: two one-chip bookings against one reserved chip.
      expect(conflictsOf(report)).toMatchObject([{ start: '2026-04-01', end: '2026-04-20', rows: [2, 3, 4] }]);
    });

    // Bug in readBookings.internPool: the pool key joins normalised names with U+0001, which normalizeName keeps,
    // so a control character inside a name can make two different pools one.
    it('keeps pools apart when a name contains the key separator', () => {
      const report = check(workbook(HEADER, [
        booking('Acme\u0001x', 'y', 'Quantum', '2026-04-01', '2026-04-05'),
        booking('Acme', 'x\u0001y', 'Quantum', '2026-04-01', '2026-04-05'),
      ]));
      expect(report.conflicts).toEqual([]);
    });
  });
});
