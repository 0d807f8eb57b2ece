import { checkWorkbook } from '../checkWorkbook';
import { parseCellAddress } from '../model/address';
import { CellEdit } from '../model/cellEdit';
import { CheckReport } from '../model/report';
import { SheetSnapshot, SnapshotRow, WorkbookSnapshot } from '../model/snapshot';
import { Issue } from '../validation/issue';
import { planResolutionEdits } from './resolutionEdits';
import { Suggestion } from './resolution';

/** A suggestion with the cells it would write and the issues it would raise on its booking's row. */
export interface PreviewedSuggestion {
  readonly suggestion: Suggestion;
  readonly edits: readonly CellEdit[];
  /** Issues the row would have after the change that it has not now; empty for a change that breaks no rule. */
  readonly raises: readonly Issue[];
}

/** The snapshot with the edits written into their cells. */
export function applyEdits(snapshot: WorkbookSnapshot, edits: readonly CellEdit[]): WorkbookSnapshot {
  const bySheet = new Map<string, CellEdit[]>();
  for (const edit of edits) bySheet.set(edit.sheet, [...(bySheet.get(edit.sheet) ?? []), edit]);
  return {
    ...snapshot,
    sheets: snapshot.sheets.map((sheet) => {
      const sheetEdits = bySheet.get(sheet.name);
      if (sheetEdits === undefined) return sheet;
      const rows: SnapshotRow[] = [...sheet.rows];
      for (const edit of sheetEdits) {
        const cell = parseCellAddress(edit.address);
        if (cell === undefined) continue;
        const row = [...(rows[cell.row] ?? [])];
        row[cell.column] = edit.after;
        rows[cell.row] = row;
      }
      return { ...sheet, rows };
    }),
  };
}

/**
 * What a suggestion would write and which issues it would raise. The booking's row is checked again
 * alone, beside the workbook's Capacity and Catalog sheets, with the same rules as a whole check: a
 * change that raises nothing leaves the row as valid as it was.
 */
export function previewResolution(report: CheckReport, snapshot: WorkbookSnapshot, suggestion: Suggestion): PreviewedSuggestion {
  const edits = planResolutionEdits(report, snapshot, suggestion);
  const before = issuesOfRow(report, snapshot, suggestion.row);
  const after = issuesOfRow(report, applyEdits(snapshot, edits), suggestion.row);
  const known = new Set(before.map(issueKey));
  return { suggestion, edits, raises: after.filter((issue) => !known.has(issueKey(issue))) };
}

/** The suggestions with their previews, those raising no issue first, in their order otherwise. */
export function previewSuggestions(report: CheckReport, snapshot: WorkbookSnapshot, ranked: readonly Suggestion[]): PreviewedSuggestion[] {
  return orderPreviews(ranked.map((suggestion) => previewResolution(report, snapshot, suggestion)));
}

/** Previews in their order, those raising no issue first. */
export function orderPreviews(previews: readonly PreviewedSuggestion[]): PreviewedSuggestion[] {
  return [...previews.filter((preview) => preview.raises.length === 0), ...previews.filter((preview) => preview.raises.length > 0)];
}

const issueKey = (issue: Issue): string => `${issue.cell ?? issue.column}\u0000${issue.code}`;

/** The issues of one allocation row, from a check of the row alone in its table, beside the Capacity table. */
function issuesOfRow(report: CheckReport, snapshot: WorkbookSnapshot, sheetRow: number): Issue[] {
  const layout = report.allocation;
  const sheets: SheetSnapshot[] = [];
  for (const sheet of snapshot.sheets) {
    if (sheet.name === report.capacity?.sheetName) sheets.push(sheet);
    if (sheet.name !== layout.sheetName) continue;
    const rows: SnapshotRow[] = [];
    rows[layout.headerRow - 1] = sheet.rows[layout.headerRow - 1];
    rows[sheetRow - 1] = sheet.rows[sheetRow - 1];
    sheets.push({ ...sheet, rows });
  }
  // The report's catalog already holds the workbook's Catalog sheet and any --catalog file.
  const outcome = checkWorkbook({ ...snapshot, sheets }, { catalog: report.catalog, sheet: layout.sheetName, table: layout.table?.name, capacitySheet: report.capacity?.sheetName });
  return outcome.ok ? outcome.report.issues.filter((issue) => issue.sheet === layout.sheetName && issue.row === sheetRow) : [];
}
