import { checkWorkbook } from '../checkWorkbook';
import { bookingAt, CheckReport } from './report';

function reportOf(rows: number): CheckReport {
  const header = ['ID', 'Lab', 'Provider', 'Region', 'Silicon', 'Chips', 'Start', 'End'];
  const body = Array.from({ length: rows }, (_, i) => (i % 3 === 2 ? [] : [`B-${i + 2}`, 'Lab A', 'AWS', 'us-east-1', 'Trainium2', 64, '2026-05-01', '2026-05-14']));
  const outcome = checkWorkbook({ date1904: false, sheets: [{ name: 'Bookings', rows: [header, ...body] }] });
  if (!outcome.ok) throw new Error(outcome.problem);
  return outcome.report;
}

describe('bookingAt', () => {
  it('finds each booking of a check by its sheet row, and nothing on a blank row or outside the table', () => {
    const report = reportOf(30);
    for (const booking of report.bookings) expect(bookingAt(report, booking.sheetRow)?.id).toBe(`B-${booking.sheetRow}`);
    expect(bookingAt(report, 4)).toBeUndefined();
    expect([bookingAt(report, 1), bookingAt(report, 0), bookingAt(report, 99)]).toEqual([undefined, undefined, undefined]);
  });

  it('finds them too in a report whose bookings are not in sheet order', () => {
    const report = reportOf(12);
    const shuffled: CheckReport = { ...report, bookings: [...report.bookings].reverse() };
    for (const booking of report.bookings) expect(bookingAt(shuffled, booking.sheetRow)?.id).toBe(`B-${booking.sheetRow}`);
  });
});
