import { normalizeHeader } from '../catalog/normalizeName';
import { parseCellAddress } from '../model/address';
import { CellEdit } from '../model/cellEdit';
import { CheckReport } from '../model/report';
import { describeEdits } from '../presentation/describeResolution';
import { BugIndicatingError } from '../model/bugIndicatingError';
import { dayFromSerial, dayFromYmd, formatIsoDay, serialFromDay } from '../model/calendarDay';
import { cellText, CellValue, SheetSnapshot } from '../model/snapshot';

export const RESOLUTION_LOG_SHEET = 'Resolution log';

/** One log entry: a row of the `Resolution log` sheet, recording a resolution, a fix or an undo. */
export interface LogEntry {
  /** An Excel date-time serial (in the workbook's date system) of the user's local time. */
  readonly when: number;
  readonly who: string;
  /** The conflict's id; '' for a fix. */
  readonly conflict: string;
  /** `shift`, `move`, `shrink`, `accept`, `fix`, or `undo <action>`. */
  readonly action: string;
  /** The sheet rows it changed or accepted, as "12" or "12, 15". */
  readonly rows: string;
  /** The cells before and after: "I12 = 2026-03-09; J12 = 2026-03-22". */
  readonly before: string;
  readonly after: string;
  readonly reason: string;
}

/** Columns of the log, in the order the add-in writes them, each with the entry's field it holds. */
const LOG_COLUMNS: ReadonlyArray<readonly [string, keyof LogEntry]> = [
  ['When', 'when'], ['Who', 'who'], ['Conflict', 'conflict'], ['Action', 'action'], ['Rows', 'rows'], ['Before', 'before'], ['After', 'after'], ['Reason', 'reason'],
];
export const RESOLUTION_LOG_COLUMNS: readonly string[] = LOG_COLUMNS.map(([header]) => header);

/** The entry's cells, in the log's column order. */
export function logRowValues(entry: LogEntry): Array<string | number> {
  return LOG_COLUMNS.map(([, field]) => entry[field]);
}

/** What a log entry records besides the moment and the person: the adapter adds those. */
export interface LoggedChange {
  readonly action: string;
  readonly conflict: string;
  readonly rows: string;
  readonly edits: readonly CellEdit[];
  readonly reason: string;
}

/** A moment as the user's clock reads it, which the adapter knows and the core does not. */
export interface LocalDateTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

/** The Excel date-time serial of a local moment, in the workbook's date system. */
export function dateTimeSerial(at: LocalDateTime, date1904: boolean): number {
  const day = dayFromYmd(at.year, at.month, at.day);
  if (day === undefined) throw new BugIndicatingError(`${at.year}-${at.month}-${at.day} is no day`);
  return serialFromDay(day, date1904) + (at.hour * 3600 + at.minute * 60 + at.second) / 86_400;
}

/** The log entry of a change, its Before and After written with dates as dates where the cells are Start or End. */
export function logEntryFor(report: CheckReport, change: LoggedChange, at: LocalDateTime, who: string): LogEntry {
  const when = dateTimeSerial(at, report.date1904);
  const layout = report.allocation;
  const dateColumns = [layout.columns.start, layout.columns.end].filter((column) => column !== undefined).map((column) => column.index);
  const dateAddresses = new Set(
    change.edits.filter((edit) => edit.sheet === layout.sheetName && dateColumns.includes(parseCellAddress(edit.address)?.column ?? -1)).map((edit) => edit.address),
  );
  return {
    when, who, conflict: change.conflict, action: change.action, rows: change.rows, reason: change.reason,
    before: describeEdits(change.edits, 'before', report.date1904, dateAddresses),
    after: describeEdits(change.edits, 'after', report.date1904, dateAddresses),
  };
}

/** A standing acceptance of a conflict, as the log records it. */
export interface AcceptanceRecord {
  readonly reason: string;
  /** The log's Who. */
  readonly by: string;
  /** The log's When, as the sheet shows it ("2026-03-10 09:00"). */
  readonly at: string;
  /** The rows the conflict had when accepted; null when the log does not say (then any rows will do). */
  readonly rows: readonly number[] | null;
}

/**
 * The acceptances standing, by conflict id. Each conflict's log entries make a history: `accept` adds an
 * acceptance, `revoke` takes it back, and `undo accept` / `undo revoke` undo the latest of those.
 */
export function readAcceptances(sheet: SheetSnapshot | undefined, date1904 = false): Map<string, AcceptanceRecord> {
  const accepted = new Map<string, AcceptanceRecord>();
  if (sheet === undefined) return accepted;
  const header = (sheet.rows[0] ?? []).map((value) => normalizeHeader(cellText(value)));
  const column = (name: string) => header.indexOf(name);
  const [conflictColumn, actionColumn] = [column('conflict'), column('action')];
  if (conflictColumn < 0 || actionColumn < 0) return accepted;
  const text = (row: ReadonlyArray<CellValue>, index: number) => (index < 0 ? '' : cellText(row[index]));
  const histories = new Map<string, Array<AcceptanceRecord | null>>();
  for (const row of sheet.rows.slice(1)) {
    const id = row == null ? '' : cellText(row[conflictColumn]);
    if (row == null || id === '') continue;
    const action = text(row, actionColumn).toLowerCase().replace(/\s+/g, ' ');
    const history = histories.get(id) ?? [];
    histories.set(id, history);
    if (action === 'accept') {
      history.push({ reason: text(row, column('reason')), by: text(row, column('who')), at: whenText(row[column('when')], date1904), rows: rowsOf(text(row, column('rows'))) });
    } else if (action === 'revoke') history.push(null);
    else if (action === 'undo accept' || action === 'undo revoke') history.pop();
  }
  for (const [id, history] of histories) {
    const standing = history[history.length - 1];
    if (standing) accepted.set(id, standing);
  }
  return accepted;
}

/** "2, 3" → [2, 3]; null for an empty or unreadable cell. */
function rowsOf(text: string): number[] | null {
  const rows = text.split(/[,;\s]+/).filter((part) => part !== '').map(Number);
  return rows.length > 0 && rows.every((row) => Number.isInteger(row) && row > 0) ? rows.sort((a, b) => a - b) : null;
}

/** The When cell as text: a date-time serial as "YYYY-MM-DD HH:MM", text as written. */
function whenText(value: CellValue | undefined, date1904: boolean): string {
  if (typeof value !== 'number') return cellText(value);
  const day = dayFromSerial(Math.floor(value), date1904);
  if (!day.ok) return cellText(value);
  const minutes = Math.round((value - Math.floor(value)) * 24 * 60);
  return `${formatIsoDay(day.day)} ${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** Whether an acceptance still holds for the conflict's rows. */
export function acceptanceHolds(record: AcceptanceRecord, rows: readonly number[]): boolean {
  return record.rows === null || (record.rows.length === rows.length && record.rows.every((row, index) => row === rows[index]));
}
