import { dayFromYmd } from '../model/calendarDay';
import { Catalog } from '../catalog/catalog';
import { DEFAULT_CATALOG } from '../catalog/defaultCatalog';
import { Issue } from '../validation/issue';
import { readBookings, ReadTableOptions } from './readBookings';
import { CellValue, SheetSnapshot } from '../model/snapshot';
import { ALLOCATION_REQUIRED, findHeader } from './tableLayout';

const catalog = Catalog.fromData(DEFAULT_CATALOG);
const HEADER = ['ID', 'Lab', 'Provider', 'Region', 'Silicon', 'Chips', 'Start', 'End', 'TFLOPS', 'Status'];

/** Reads a Bookings sheet whose rows follow `HEADER` unless the first row says otherwise. */
function readSheet(rows: CellValue[][], options: Partial<ReadTableOptions> = {}) {
  const sheet: SheetSnapshot = { name: 'Bookings', rows };
  const layout = findHeader(sheet, ALLOCATION_REQUIRED);
  if (layout === undefined) throw new Error('test setup: no header');
  return readBookings(sheet, layout, { catalog, date1904: false, required: ALLOCATION_REQUIRED, checkTflops: true, ...options });
}

/** One data row under `HEADER`, from its differences to a clean AWS Trainium2 booking. */
function row(changes: Partial<Record<(typeof HEADER)[number], CellValue>> = {}): CellValue[] {
  const clean: Record<string, CellValue> = {
    ID: 'B-1', Lab: 'Lab A', Provider: 'AWS', Region: 'us-east-2', Silicon: 'Trainium2', Chips: 64,
    Start: '2026-04-14', End: '2026-04-27', TFLOPS: null, Status: 'confirmed',
  };
  return HEADER.map((column) => (column in changes ? (changes[column] as CellValue) : clean[column]));
}

/** The issues of one table holding a single data row. */
function issuesOfRow(changes: Partial<Record<string, CellValue>>, options: Partial<ReadTableOptions> = {}): Issue[] {
  return readSheet([HEADER, row(changes)], options).issues;
}

const day = (iso: string): number => dayFromYmd(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10))) as number;

describe('readBookings', () => {
  describe('when a row is valid', () => {
    it('reads it with canonical names, its sheet row and half-open days', () => {
      const { bookings, issues } = readSheet([
        ['ID', 'Lab', 'Team', 'Workload', 'Cloud', 'Zone', 'Chip', '# chips', 'From', 'Until', 'Block', 'Status', 'Priority', 'Owner', 'Comments'],
        ['B-7', 'Lab A', 'Pretrain', 'pre-training', 'Amazon Web Services', 'us-east-2a', 'Trn2', '1,024', '14 Apr 2026', '2026-04-27', 'blk-1', 'Tentative', 'P1', 'ana@lab-a', 'needs EFA'],
      ]);
      expect(issues).toEqual([]);
      expect(bookings).toEqual([{
        sheetRow: 2, id: 'B-7', lab: 'Lab A', team: 'Pretrain', workload: 'pre-training', status: 'Tentative', priority: 'P1', owner: 'ana@lab-a', notes: 'needs EFA', booked: null, catalogued: true,
        providerText: 'Amazon Web Services', regionText: 'us-east-2a', siliconText: 'Trn2', blockText: 'blk-1',
        pool: expect.objectContaining({ provider: 'AWS', region: 'us-east-2', silicon: 'Trainium2', block: 'blk-1' }),
        silicon: expect.objectContaining({ name: 'Trainium2' }),
        chips: 1024, start: day('2026-04-14'), endExclusive: day('2026-04-28'), active: true,
      }]);
    });

    it('reads when each booking was made from a Booked or Created column, as a date of the workbook', () => {
      for (const header of ['Booked', 'Created at', 'Booking date']) {
        const { bookings, issues } = readSheet([[...HEADER, header], [...row(), '2026-02-20'], [...row({ ID: 'B-2' }), 46_073], [...row({ ID: 'B-3' }), null]]);
        expect(issues).toEqual([]);
        expect(bookings.map((booking) => booking.booked)).toEqual([day('2026-02-20'), day('2026-02-20'), null]);
      }
    });

    it('reports a Booked cell that is no date under its own header, and keeps the booking', () => {
      const { bookings, issues } = readSheet([[...HEADER, 'Booked on'], [...row(), 'last week']]);
      expect(issues).toEqual([expect.objectContaining({ code: 'invalid-date', cell: 'K2', column: 'Booked on', message: expect.stringContaining('Booked on') })]);
      expect(bookings[0]).toMatchObject({ booked: null, active: true });
    });

    it('holds one day when Start and End are the same day', () => {
      const [booking] = readSheet([HEADER, row({ Start: '2026-04-14', End: '14 Apr 2026' })]).bookings;
      expect(booking.endExclusive! - booking.start!).toBe(1);
    });

    it('reads date serials in the workbook date system', () => {
      const [booking] = readSheet([HEADER, row({ Start: 44_621, End: 44_622 })], { date1904: true }).bookings;
      expect([booking.start, booking.endExclusive]).toEqual([day('2026-03-02'), day('2026-03-04')]);
    });
  });

  describe('when rows spell the same pool differently', () => {
    it('puts them in one pool', () => {
      const { bookings } = readSheet([HEADER, row(), row({ Provider: 'amazon', Region: 'US_EAST_2', Silicon: 'trainium-2' })]);
      expect(bookings[0].pool?.key).toBe(bookings[1].pool?.key);
    });
  });

  describe('when blank rows and titles surround the data', () => {
    it('skips blank rows and reports rows as the sheet rows a user sees', () => {
      const { bookings } = readSheet([
        ['Q2 bookings'], [], HEADER, row({ ID: 'first' }), [], [null, '  '], row({ ID: 'second' }),
      ]);
      expect(bookings.map((booking) => [booking.id, booking.sheetRow])).toEqual([['first', 4], ['second', 7]]);
    });

    it('skips a row with text only in a column the tool does not know', () => {
      const { bookings, issues } = readSheet([[...HEADER, 'Cost centre'], row(), [...HEADER.map(() => null), 'CC-42']]);
      expect(bookings).toHaveLength(1);
      expect(issues).toEqual([]);
    });
  });

  describe('when the Status says the booking is off', () => {
    it.each([['cancelled'], ['Canceled'], ['RELEASED'], ['Cancelled – moved to Q3'], ['released.']])('marks a %s row inactive', (status) => {
      expect(readSheet([HEADER, row({ Status: status })]).bookings[0].active).toBe(false);
    });

    it.each([['tentative'], ['not cancelled'], ['cancelledx']])('keeps a %s row active', (status) => {
      expect(readSheet([HEADER, row({ Status: status })]).bookings[0].active).toBe(true);
    });
  });

  describe('when a required cell is empty', () => {
    it('reports missing-value on that cell, named by its header as spelled', () => {
      const { bookings, issues } = readSheet([['Cloud provider', 'Region', 'Silicon', 'Start', 'End', 'Notes'], [null, 'us-east-2', 'Trn2', '2026-04-14', '  ', 'x']]);
      expect(issues).toEqual([
        { sheet: 'Bookings', row: 2, column: 'Cloud provider', cell: 'A2', severity: 'error', code: 'missing-value', message: 'Cloud provider is empty.' },
        { sheet: 'Bookings', row: 2, column: 'End', cell: 'E2', severity: 'error', code: 'missing-value', message: 'End is empty.' },
      ]);
      expect(bookings[0]).toMatchObject({ pool: null, active: false });
    });

    it('says nothing about an empty optional cell', () => {
      expect(issuesOfRow({ ID: null, Lab: null, Chips: null, Status: null })).toEqual([]);
    });
  });

  describe('when the provider is not in the catalog', () => {
    it('reports unknown-provider with a suggestion for a typo', () => {
      expect(issuesOfRow({ Provider: 'Gogle Cloud', Region: 'us-central1', Silicon: 'TPU v5p' })).toEqual([{
        sheet: 'Bookings', row: 2, column: 'Provider', cell: 'C2', severity: 'error', code: 'unknown-provider',
        message: '"Gogle Cloud" is not a provider the catalog knows. Did you mean Google Cloud?', suggestion: 'Google Cloud',
      }]);
    });

    it('reports it without a suggestion when nothing is close, and still pools the row by its text', () => {
      const { bookings, issues } = readSheet([HEADER, row({ Provider: 'Banana Compute' }), row({ Provider: 'banana-compute' })]);
      expect(issues.map((issue) => [issue.code, issue.suggestion])).toEqual([['unknown-provider', undefined], ['unknown-provider', undefined]]);
      expect(bookings[0].pool).toMatchObject({ provider: 'Banana Compute', silicon: 'Trainium2' });
      expect(bookings[0].pool?.key).toBe(bookings[1].pool?.key);
      expect(bookings[0].active).toBe(true);
    });
  });

  describe('when the region is not one of the provider\'s', () => {
    it('reports unknown-region with a suggestion for a typo', () => {
      expect(issuesOfRow({ Region: 'us-est-2' })).toEqual([expect.objectContaining({
        column: 'Region', cell: 'D2', severity: 'error', code: 'unknown-region', suggestion: 'us-east-2',
        message: '"us-est-2" is not a region of AWS. Did you mean us-east-2?',
      })]);
    });

    it('names the provider whose region it is, and suggests no look-alike', () => {
      const [issue] = issuesOfRow({ Silicon: 'H100', Region: 'us-central1' });
      expect(issue).toMatchObject({ code: 'unknown-region', cell: 'D2' });
      expect(issue.message).toContain('It is a region of Google Cloud.');
      expect(issue.suggestion).toBeUndefined();
    });
  });

  describe('when the region is a zone', () => {
    it('accepts it as its region', () => {
      const { bookings, issues } = readSheet([HEADER, row({ Provider: 'GCP', Region: 'us-central1-a', Silicon: 'v5p' })]);
      expect(issues).toEqual([]);
      expect(bookings[0].pool).toMatchObject({ provider: 'Google Cloud', region: 'us-central1', silicon: 'TPU v5p' });
    });
  });

  describe('when the provider takes free-text regions', () => {
    it('accepts any region', () => {
      expect(issuesOfRow({ Provider: 'Self-built', Region: 'Memphis', Silicon: 'H100' })).toEqual([]);
    });
  });

  describe('when the silicon is not in the catalog', () => {
    it.each([
      ['Trainuim2', 'Trainium2'],
      ['H10O', 'H100'],
    ])('reports %p with the suggestion %p', (text, suggestion) => {
      expect(issuesOfRow({ Silicon: text })).toEqual([expect.objectContaining({
        column: 'Silicon', cell: 'E2', severity: 'error', code: 'unknown-silicon', suggestion,
        message: `"${text}" is not a silicon the catalog knows. Did you mean ${suggestion}?`,
      })]);
    });

    it('reports far-off text without a suggestion', () => {
      const [issue] = issuesOfRow({ Silicon: 'Pentium' });
      expect(issue).toMatchObject({ code: 'unknown-silicon', message: '"Pentium" is not a silicon the catalog knows.' });
      expect(issue).not.toHaveProperty('suggestion');
    });
  });

  describe('when the provider offers the silicon nowhere', () => {
    it('reports silicon-not-offered and names who offers it', () => {
      expect(issuesOfRow({ Provider: 'Azure', Region: 'eastus', Silicon: 'TPU v5p' })).toEqual([expect.objectContaining({
        column: 'Silicon', cell: 'E2', severity: 'error', code: 'silicon-not-offered',
        message: 'Microsoft Azure does not offer TPU v5p. TPU v5p is offered by Google Cloud.',
      })]);
    });
  });

  describe('when the provider offers the silicon but not in that region as far as the catalog knows', () => {
    it('warns with silicon-not-in-region and the known regions', () => {
      expect(issuesOfRow({ Region: 'ap-northeast-1' })).toEqual([expect.objectContaining({
        column: 'Region', cell: 'D2', severity: 'warning', code: 'silicon-not-in-region',
        message: 'AWS is not known to offer Trainium2 in ap-northeast-1; known regions: us-east-2, us-east-1, us-west-2.',
      })]);
    });

    it('stays quiet when the catalog does not say where the provider offers it', () => {
      expect(issuesOfRow({ Provider: 'OCI', Region: 'us-chicago-1', Silicon: 'H100' })).toEqual([]);
    });

    it('keeps the row active: a warning does not take it out of conflict detection', () => {
      expect(readSheet([HEADER, row({ Region: 'ap-northeast-1' })]).bookings[0].active).toBe(true);
    });
  });

  describe('when a date does not parse', () => {
    it('reports invalid-date on its cell, names the column as spelled, and leaves the row out of conflicts', () => {
      const { bookings, issues } = readSheet([['Provider', 'Region', 'Silicon', 'From', 'Until'], ['AWS', 'us-east-2', 'Trn2', '04/05/2026', { error: '#REF!' }]]);
      expect(issues).toEqual([
        expect.objectContaining({
          column: 'From', cell: 'D2', severity: 'error', code: 'invalid-date',
          message: 'From "04/05/2026" could be 4 May 2026 or 5 Apr 2026; pick the one meant (written as YYYY-MM-DD, a date reads only one way).',
          alternatives: ['2026-05-04', '2026-04-05'],
        }),
        expect.objectContaining({ column: 'Until', cell: 'E2', code: 'invalid-date', message: 'Until holds the error #REF!, not a date.' }),
      ]);
      expect(issues[0]).not.toHaveProperty('suggestion');
      expect(bookings[0]).toMatchObject({ start: null, endExclusive: null, active: false });
    });

    it('suggests the full date for a two-digit year', () => {
      expect(issuesOfRow({ Start: '14 Apr 26' })).toEqual([expect.objectContaining({
        cell: 'G2', code: 'invalid-date', suggestion: '2026-04-14', message: 'Start "14 Apr 26" has a two-digit year; write the year in full.',
      })]);
    });

    it.each([
      [true, 'Start holds TRUE/FALSE, not a date.'],
      [60, 'Start is 29 Feb 1900, a day that never existed (an Excel quirk); enter the real date.'],
      [64, 'Start falls in the year 1900, which is no plausible booking date; check the value.'],
      ['2026-02-30', 'Start "2026-02-30" is not a day of the calendar.'],
      ['31/04/2026', 'Start "31/04/2026" is not a day of the calendar.'],
      ['soon', 'Start "soon" is not a date; use a date cell or a date written as YYYY-MM-DD.'],
    ])('explains %p', (value, message) => {
      expect(issuesOfRow({ Start: value })).toEqual([expect.objectContaining({ code: 'invalid-date', message })]);
    });
  });

  describe('when End is before Start', () => {
    it('reports end-before-start on the End cell and leaves the row out of conflicts', () => {
      const { bookings, issues } = readSheet([HEADER, row({ Start: '2026-04-10', End: '2026-04-01' })]);
      expect(issues).toEqual([expect.objectContaining({
        column: 'End', cell: 'H2', severity: 'error', code: 'end-before-start', message: 'End 1 Apr 2026 is before Start 10 Apr 2026.',
      })]);
      expect(bookings[0].active).toBe(false);
    });
  });

  describe('when Chips is not a positive whole number', () => {
    it.each([[0, '0'], [-3, '-3'], [2.5, '2.5'], ['lots', 'lots'], ['1.024,5', '1.024,5'], [{ error: '#N/A' }, '#N/A']])('reports %p', (chips, shown) => {
      const { bookings, issues } = readSheet([HEADER, row({ Chips: chips })]);
      expect(issues).toEqual([expect.objectContaining({
        column: 'Chips', cell: 'F2', severity: 'error', code: 'invalid-chips', message: `Chips "${shown}" is not a positive whole number.`,
      })]);
      expect(bookings[0].chips).toBeNull();
    });
  });

  describe('when Chips is whole-number text', () => {
    it.each([['1,024', 1024], ['64', 64], [' 8 ', 8]])('accepts %p as %d', (chips, expected) => {
      const { bookings, issues } = readSheet([HEADER, row({ Chips: chips })]);
      expect(issues).toEqual([]);
      expect(bookings[0].chips).toBe(expected);
    });
  });

  describe('when TFLOPS is given', () => {
    // 64 Trainium2 chips × 667 dense BF16 TFLOPS = 42,688.
    it.each([[42_688], [46_956], [38_420], ['42,688']])('accepts %p, within 10%% of chips × peak', (tflops) => {
      expect(issuesOfRow({ TFLOPS: tflops })).toEqual([]);
    });

    it.each([[47_000], [38_000], [64]])('warns with tflops-mismatch for %p', (tflops) => {
      expect(issuesOfRow({ TFLOPS: tflops })).toEqual([expect.objectContaining({ column: 'TFLOPS', cell: 'I2', severity: 'warning', code: 'tflops-mismatch' })]);
    });

    it('shows the arithmetic in the message', () => {
      expect(issuesOfRow({ TFLOPS: 60_000 })[0].message).toBe(
        'TFLOPS 60,000 differs by more than 10% from 64 × 667 (Trainium2 dense BF16) = 42,688.',
      );
    });

    it('warns when TFLOPS is not a number', () => {
      expect(issuesOfRow({ TFLOPS: 'fast' })).toEqual([expect.objectContaining({ code: 'tflops-mismatch', severity: 'warning', message: 'TFLOPS "fast" is not a number.' })]);
    });

    it('does not check when the silicon has no published peak or the chips are unknown', () => {
      expect(issuesOfRow({ Provider: 'OCI', Region: 'us-chicago-1', Silicon: 'MI355X', TFLOPS: 5 })).toEqual([]);
      expect(issuesOfRow({ Chips: null, TFLOPS: 5 })).toEqual([]);
    });

    it('does not check tables that are not asked to (Capacity tables)', () => {
      expect(issuesOfRow({ TFLOPS: 5 }, { checkTflops: false })).toEqual([]);
    });
  });

  describe('when the same name repeats on many rows', () => {
    it('reports each row on its own sheet row', () => {
      const { issues } = readSheet([HEADER, row({ Silicon: 'Trainuim2' }), row(), row({ Silicon: 'Trainuim2' })]);
      expect(issues.map((issue) => [issue.row, issue.cell, issue.suggestion])).toEqual([[2, 'E2', 'Trainium2'], [4, 'E4', 'Trainium2']]);
    });
  });
});
