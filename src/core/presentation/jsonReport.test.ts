import { checkWorkbook } from '../checkWorkbook';
import { toJsonReport } from './jsonReport';
import { RESOLUTION_LOG_COLUMNS } from '../resolutions/resolutionLog';
import { CellValue, WorkbookSnapshot } from '../model/snapshot';
import { CheckReport } from '../model/report';

const HEADER = ['ID', 'Provider', 'Region', 'Silicon', 'Chips', 'Start', 'End', 'Block'];
const bookings: CellValue[][] = [
  ['Q2 plan'],
  HEADER,
  ['B-1', 'AWS', 'us-east-2', 'Trn2', 64, '2026-04-14', '2026-04-27', 'blk-1'],
  ['B-2', 'Amazon', 'us-east-2', 'Trainium 2', 64, '2026-04-20', '2026-05-03', 'BLK_1'],
  ['B-3', 'AWS', 'us-east-2', 'Trainuim2', 8, '2026-04-14', '2026-04-27', null],
  ['B-4', 'AWS', 'eu-west-1', 'Trn2', 8, '2026-04-14', '2026-04-27', null],
  ['B-5', 'GCP', 'us-central1', 'v5p', 8, '2026-05-01', '2026-05-09', null],
  ['B-6', 'GCP', 'us-central1', 'v5p', 8, '2026-05-05', '2026-05-06', null],
];

function reportOf(snapshot: WorkbookSnapshot): CheckReport {
  const outcome = checkWorkbook(snapshot);
  if (!outcome.ok) throw new Error(outcome.problem);
  return outcome.report;
}

describe('toJsonReport', () => {
  describe('when the workbook has issues and conflicts', () => {
    const json = toJsonReport(reportOf({ date1904: false, sheets: [{ name: 'Bookings', rows: bookings }] }));

    it('names the sheets and counts rows, errors, warnings and conflicts', () => {
      expect(json).toMatchObject({
        sheet: 'Bookings', capacitySheet: null, rows: 6,
        summary: { errors: 1, warnings: 1, conflicts: 2, acceptedConflicts: 0 },
      });
    });

    it('lists each issue with its sheet row, cell and suggestion only when there is one', () => {
      expect(json.issues).toEqual([
        {
          sheet: 'Bookings', row: 5, column: 'Silicon', cell: 'D5', severity: 'error', code: 'unknown-silicon',
          message: '"Trainuim2" is not a silicon the catalog knows. Did you mean Trainium2?', suggestion: 'Trainium2',
        },
        {
          sheet: 'Bookings', row: 6, column: 'Region', cell: 'C6', severity: 'warning', code: 'silicon-not-in-region',
          message: 'AWS is not known to offer Trainium2 in eu-west-1; known regions: us-east-2, us-east-1, us-west-2.',
        },
      ]);
    });

    it('lists conflicts with canonical names, inclusive YYYY-MM-DD days and sheet rows', () => {
      expect(json.conflicts).toEqual([
        {
          id: expect.stringMatching(/^C-[0-9a-f]{8}$/), provider: 'AWS', region: 'us-east-2', silicon: 'Trainium2', block: 'blk-1',
          start: '2026-04-20', end: '2026-04-27', rows: [3, 4], bookedChips: 128, capacityChips: null, excessChips: null, accepted: false,
          bookings: [
            { row: 3, id: 'B-1', lab: null, team: null, chips: 64, start: '2026-04-14', end: '2026-04-27', status: null, priority: null, owner: null, booked: null },
            { row: 4, id: 'B-2', lab: null, team: null, chips: 64, start: '2026-04-20', end: '2026-05-03', status: null, priority: null, owner: null, booked: null },
          ],
          givesWay: 4,
        },
        {
          id: expect.stringMatching(/^C-[0-9a-f]{8}$/), provider: 'Google Cloud', region: 'us-central1', silicon: 'TPU v5p', block: '',
          start: '2026-05-05', end: '2026-05-06', rows: [7, 8], bookedChips: 16, capacityChips: null, excessChips: null, accepted: false,
          bookings: expect.any(Array), givesWay: 8,
        },
      ]);
    });

    it('survives a JSON round trip unchanged', () => {
      expect(JSON.parse(JSON.stringify(json))).toEqual(json);
    });
  });

  describe('when the table has a Booked column', () => {
    it('gives each booking its Booked day, and the later-booked gives way though it is on the earlier row', () => {
      const rows: CellValue[][] = [
        [...HEADER, 'Booked'],
        ['B-1', 'AWS', 'us-east-2', 'Trn2', 64, '2026-04-14', '2026-04-27', null, '2026-03-20'],
        ['B-2', 'AWS', 'us-east-2', 'Trn2', 64, '2026-04-20', '2026-05-03', null, 46_030],
      ];
      const [conflict] = toJsonReport(reportOf({ date1904: false, sheets: [{ name: 'Bookings', rows }] })).conflicts;
      expect(conflict.bookings.map((booking) => [booking.row, booking.booked])).toEqual([[2, '2026-03-20'], [3, '2026-01-08']]);
      expect(conflict.givesWay).toBe(2);
    });
  });

  describe('when a conflict is accepted', () => {
    it('counts it apart and gives the reason', () => {
      const first = reportOf({ date1904: false, sheets: [{ name: 'Bookings', rows: bookings }] });
      const id = first.conflicts[0].id;
      const json = toJsonReport(reportOf({
        date1904: false,
        sheets: [
          { name: 'Bookings', rows: bookings },
          { name: 'Resolution log', rows: [[...RESOLUTION_LOG_COLUMNS], ['2026-04-01', 'lead', id, 'accept', '3, 4', '', '', 'shared block by agreement']] },
        ],
      }));
      expect(json.summary).toMatchObject({ conflicts: 1, acceptedConflicts: 1 });
      expect(json.conflicts[0]).toMatchObject({ id, accepted: true, acceptedReason: 'shared block by agreement' });
      expect(json.conflicts[1]).not.toHaveProperty('acceptedReason');
    });
  });

  describe('when a Capacity table is used', () => {
    it('names its sheet', () => {
      const json = toJsonReport(reportOf({
        date1904: false,
        sheets: [
          { name: 'Bookings', rows: bookings.slice(1, 3) },
          { name: 'Capacity', rows: [['Provider', 'Region', 'Silicon', 'Chips', 'Start', 'End', 'Block'], ['AWS', 'us-east-2', 'Trn2', 64, '2026-04-01', '2026-04-30', 'blk-1']] },
        ],
      }));
      expect(json).toMatchObject({ capacitySheet: 'Capacity', rows: 1, summary: { errors: 0, warnings: 0, conflicts: 0 } });
    });
  });
});
