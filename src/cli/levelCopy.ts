import * as os from 'node:os';
import {
  applyEdits, CheckOptions, CheckReport, checkWorkbook, conflictCells, LevelPlan, levelCalendar, LocalDateTime, logEntryFor, logRowValues, normalizeName,
  planLogChanges, RESOLUTION_LOG_COLUMNS, RESOLUTION_LOG_SHEET,
} from '../core';
import { appendSheetRows } from '../xlsx/appendSheetRows';
import { findFormulaCells } from '../xlsx/findFormulaCells';
import { paintXlsx } from '../xlsx/paintXlsx';
import { patchXlsxValues } from '../xlsx/patchXlsxValues';
import { XlsxWorkbook } from '../xlsx/readXlsxWorkbook';
import { LevelCliOptions } from './parseCliArgs';

/** The levelling plan of a workbook read from disk, never writing over its formula cells. */
export function planLevelling(workbook: XlsxWorkbook, report: CheckReport, options: LevelCliOptions): LevelPlan {
  const sheet = workbook.parts.sheets.find((candidate) => candidate.name === report.allocation.sheetName);
  return levelCalendar(report, workbook.snapshot, {
    horizonDays: options.horizonDays,
    allowMoves: options.allowMoves,
    tentativeOnly: options.tentativeOnly,
    labs: options.labs.length === 0 ? undefined : new Set(options.labs.map(normalizeName)),
    formulaCells: sheet === undefined ? [] : findFormulaCells(workbook.archive, sheet),
  });
}

/** The log's When and Who of this run: the user's local time, and who they are on this machine. */
export function thisRun(now = new Date()): { at: LocalDateTime; who: string } {
  const at = { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate(), hour: now.getHours(), minute: now.getMinutes(), second: now.getSeconds() };
  let user = '';
  try {
    user = os.userInfo().username;
  } catch {
    // Some containers run as a user with no name.
  }
  return { at, who: user === '' ? 'capacity-check' : `${user} (capacity-check)` };
}

const WHEN_FORMAT = 'yyyy-mm-dd hh:mm';
const WHEN_COLUMN_CHARACTERS = 17;

/**
 * The levelled copy: the plan's values written into their cells, its entries appended to the
 * `Resolution log` sheet (added when missing), and yellow on the conflicts the levelled workbook still
 * has, which the returned report (the copy checked again) lists. A problem in one sentence when the log
 * cannot take the entries.
 */
export function levelledCopy(
  workbook: XlsxWorkbook, report: CheckReport, plan: LevelPlan, checkOptions: CheckOptions, run: { at: LocalDateTime; who: string },
): { ok: true; bytes: Buffer; report: CheckReport } | { ok: false; problem: string } {
  const edits = plan.steps.flatMap((step) => step.edits);
  const entries = planLogChanges(report, plan.steps).map((change) => logRowValues(logEntryFor(report, change, run.at, run.who)));
  const { archive, parts } = workbook;
  if (entries.length > 0) {
    const logged = appendSheetRows(archive, parts, RESOLUTION_LOG_SHEET, { header: RESOLUTION_LOG_COLUMNS, rows: entries, numberFormat: WHEN_FORMAT, firstColumnWidth: WHEN_COLUMN_CHARACTERS });
    if (!logged.ok) return logged;
  }
  patchXlsxValues(archive, parts, edits);
  const rechecked = checkWorkbook(applyEdits(workbook.snapshot, edits), checkOptions);
  // The same tables are found in the same places: levelling edits only booking cells.
  const after = rechecked.ok ? rechecked.report : report;
  return { ok: true, bytes: paintXlsx(archive, parts, after.allocation.sheetName, conflictCells(after)), report: after };
}
