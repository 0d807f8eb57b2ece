import { parseCellAddress, sheetCellAddress } from '../model/address';
import { CalendarDay, formatIsoDay, serialFromDay } from '../model/calendarDay';
import { CellEdit } from '../model/cellEdit';
import { Resolution } from './resolution';
import { CellValue, WorkbookSnapshot } from '../model/snapshot';
import { BookingField } from '../tables/tableLayout';
import { Issue } from '../validation/issue';
import { CheckReport } from '../model/report';

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

  switch (resolution.kind) {
    case 'shift':
      return [...edit(resolution.row, 'start', dateLike(resolution.start)), ...edit(resolution.row, 'end', dateLike(resolution.end))];
    case 'move': {
      const booking = report.bookings.find((candidate) => candidate.sheetRow === resolution.row);
      // Cells already naming the target keep the user's own spelling.
      return unchanged([
        ...(booking?.pool?.provider === resolution.provider ? [] : edit(resolution.row, 'provider', () => resolution.provider)),
        ...(booking?.pool?.region === resolution.region ? [] : edit(resolution.row, 'region', () => resolution.region)),
        ...(booking?.silicon?.name === resolution.silicon ? [] : edit(resolution.row, 'silicon', () => resolution.silicon)),
        ...edit(resolution.row, 'block', (before) => (resolution.block === '' && before === null ? null : resolution.block)),
      ]);
    }
    case 'shrink':
      return edit(resolution.row, 'chips', (before) => (typeof before === 'string' ? String(resolution.chips) : resolution.chips));
    case 'accept':
      return [];
  }
}

/** The one edit that fixes an issue: its suggestion written into its cell; none when it has no cell or no suggestion. */
export function planIssueFix(snapshot: WorkbookSnapshot, issue: Issue): CellEdit[] {
  if (issue.cell === null || issue.suggestion === undefined) return [];
  const cell = parseCellAddress(issue.cell);
  if (cell === undefined) return [];
  const before = snapshot.sheets.find((sheet) => sheet.name === issue.sheet)?.rows[cell.row]?.[cell.column] ?? null;
  return [{ sheet: issue.sheet, address: issue.cell, before, after: issue.suggestion }];
}
