import { normalizeHeader } from '../catalog/normalizeName';
import { parseCellAddress } from '../model/address';
import { CellEdit } from '../model/cellEdit';
import { CheckReport } from '../model/report';
import { describeEdits } from '../presentation/describeResolution';
import { cellText, SheetSnapshot } from '../model/snapshot';

export const RESOLUTION_LOG_SHEET = 'Resolution log';

/** One log entry: a row of the `Resolution log` sheet, recording a resolution, a fix or an undo. */
export interface LogEntry {
  readonly when: string;
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
export function logRowValues(entry: LogEntry): string[] {
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

/** The log entry of a change, its Before and After written with dates as dates where the cells are Start or End. */
export function logEntryFor(report: CheckReport, change: LoggedChange, when: string, who: string): LogEntry {
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

/** Accepted conflicts by id, with the reason given: each `accept` counts until an `undo accept` of it. */
export function readAcceptedConflicts(sheet: SheetSnapshot | undefined): Map<string, string> {
  const accepted = new Map<string, string>();
  if (sheet === undefined) return accepted;
  const header = (sheet.rows[0] ?? []).map((value) => normalizeHeader(cellText(value)));
  const conflictColumn = header.indexOf('conflict');
  const actionColumn = header.indexOf('action');
  const reasonColumn = header.indexOf('reason');
  if (conflictColumn < 0 || actionColumn < 0) return accepted;
  // Reasons of the accepts still standing, oldest first: an undo takes back only the latest one.
  const standing = new Map<string, string[]>();
  for (const row of sheet.rows.slice(1)) {
    if (row === undefined) continue;
    const id = cellText(row[conflictColumn]);
    const action = cellText(row[actionColumn]).toLowerCase().replace(/\s+/g, ' ');
    if (id === '') continue;
    if (action === 'accept') standing.set(id, [...(standing.get(id) ?? []), reasonColumn < 0 ? '' : cellText(row[reasonColumn])]);
    else if (action === 'undo accept') standing.get(id)?.pop();
  }
  for (const [id, reasons] of standing) if (reasons.length > 0) accepted.set(id, reasons[reasons.length - 1]);
  return accepted;
}
