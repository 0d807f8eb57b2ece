import { parseCellAddress, sheetCellAddress } from '../model/address';
import { CalendarDay, formatIsoDay, serialFromDay } from '../model/calendarDay';
import { CellEdit } from '../model/cellEdit';
import { SiliconSpec } from '../catalog/catalogSchema';
import { Booking } from '../model/booking';
import { formatCount } from '../presentation/wording';
import { expectedTflops, readNumber, tflopsMatches } from '../validation/tflops';
import { Resolution } from './resolution';
import { CellValue, WorkbookSnapshot } from '../model/snapshot';
import { BookingField } from '../tables/tableLayout';
import { Issue } from '../validation/issue';
import { bookingAt, CheckReport } from '../model/report';

/**
 * The cell edits that carry out a resolution, each with the value the cell holds in the snapshot.
 * Dates keep their kind: a date serial stays a serial, text stays ISO text. Accepting edits nothing.
 */
export function planResolutionEdits(report: CheckReport, snapshot: WorkbookSnapshot, resolution: Resolution): CellEdit[] {
  const layout = report.allocation;
  const sheet = snapshot.sheets.find((candidate) => candidate.name === layout.sheetName);
  if (sheet === undefined) return [];
  const edit = (row: number, field: BookingField, after: (before: CellValue) => CellValue): CellEdit[] => {
    const column = layout.columns[field];
    if (column === undefined) return [];
    const before = sheet.rows[row - 1]?.[column.index] ?? null;
    return [{ sheet: sheet.name, address: sheetCellAddress(row, column.index), before, after: after(before) }];
  };
  const dateLike = (day: CalendarDay) => (before: CellValue): CellValue =>
    typeof before === 'number' ? serialFromDay(day, report.date1904) : formatIsoDay(day);
  const unchanged = (edits: CellEdit[]): CellEdit[] => edits.filter((item) => item.before !== item.after);

  const dates = (row: number, start: CalendarDay, end: CalendarDay) => unchanged([...edit(row, 'start', dateLike(start)), ...edit(row, 'end', dateLike(end))]);
  switch (resolution.kind) {
    case 'shift':
    case 'trim':
      return dates(resolution.row, resolution.start, resolution.end);
    case 'move': {
      const booking = bookingAt(report, resolution.row);
      const silicon = report.catalog.findSilicon(resolution.silicon);
      // Cells already naming the target keep the user's own spelling.
      return unchanged([
        ...(booking?.pool?.provider === resolution.provider ? [] : edit(resolution.row, 'provider', () => resolution.provider)),
        ...(booking?.pool?.region === resolution.region ? [] : edit(resolution.row, 'region', () => resolution.region)),
        ...(booking?.silicon?.name === resolution.silicon ? [] : edit(resolution.row, 'silicon', () => resolution.silicon)),
        ...edit(resolution.row, 'block', (before) => (resolution.block === '' && before === null ? null : resolution.block)),
        ...followingTflops(booking, booking?.chips ?? null, silicon.found ? silicon.value : null, edit),
      ]);
    }
    case 'shrink': {
      const booking = bookingAt(report, resolution.row);
      return [
        ...edit(resolution.row, 'chips', (before) => (typeof before === 'string' ? String(resolution.chips) : resolution.chips)),
        ...followingTflops(booking, resolution.chips, booking?.silicon ?? null, edit),
      ];
    }
    case 'accept':
    case 'revoke':
      return [];
  }
}

type EditOf = (row: number, field: BookingField, after: (before: CellValue) => CellValue) => CellEdit[];

/**
 * The TFLOPS cell rewritten for new chips or silicon, when it matched the old ones (a TFLOPS the user
 * typed differently stays as typed), so a resolution never leaves a `tflops-mismatch` behind.
 */
function followingTflops(booking: Booking | undefined, chips: number | null, silicon: SiliconSpec | null, edit: EditOf): CellEdit[] {
  if (booking === undefined || booking.chips === null || booking.silicon === null || chips === null || silicon === null) return [];
  const [tflopsEdit] = edit(booking.sheetRow, 'tflops', (before) => before);
  const given = tflopsEdit === undefined ? null : readNumber(tflopsEdit.before);
  const expected = expectedTflops(chips, silicon);
  if (tflopsEdit === undefined || given === null || expected === null || !tflopsMatches(given, booking.chips, booking.silicon)) return [];
  if (tflopsMatches(given, chips, silicon)) return [];
  const before = tflopsEdit.before;
  // Text stays text, written as the user wrote numbers (with or without thousands separators).
  return [{ ...tflopsEdit, after: typeof before === 'string' ? (before.includes(',') ? formatCount(expected) : String(expected)) : expected }];
}

/**
 * The one edit that fixes an issue: `value` (one of its alternatives), else its suggestion, written into
 * its cell; none when it has no cell or nothing to write.
 */
export function planIssueFix(snapshot: WorkbookSnapshot, issue: Issue, value = issue.suggestion): CellEdit[] {
  if (issue.cell === null || value === undefined) return [];
  const cell = parseCellAddress(issue.cell);
  if (cell === undefined) return [];
  const before = snapshot.sheets.find((sheet) => sheet.name === issue.sheet)?.rows[cell.row]?.[cell.column] ?? null;
  return [{ sheet: issue.sheet, address: issue.cell, before, after: value }];
}
