import { normalizeHeader } from '../catalog/normalizeName';
import { cellText, SheetSnapshot } from '../model/snapshot';

export const RESOLUTION_LOG_SHEET = 'Resolution log';

/** Columns of the resolution log, in the order the add-in writes them. */
export const RESOLUTION_LOG_COLUMNS = ['When', 'Who', 'Conflict', 'Action', 'Rows', 'Before', 'After', 'Reason'] as const;

/** The actions a lead takes; an undo is logged as `undo <action>`. */
export type ResolutionAction = 'shift' | 'move' | 'shrink' | 'accept' | 'fix';

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
