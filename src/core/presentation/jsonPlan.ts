import { parseCellAddress, quoteSheetName } from '../model/address';
import { dayFromSerial, formatIsoDay } from '../model/calendarDay';
import { CellEdit } from '../model/cellEdit';
import { bookingAt, CheckReport } from '../model/report';
import { CellValue } from '../model/snapshot';
import { LevelPlan, PlanStep } from '../resolutions/levelCalendar';
import { planId } from '../resolutions/planLogChanges';
import { bookingName } from './wording';

/**
 * A levelling plan as the CLI's `--json` prints it under `"plan"`: each step with what it resolves and
 * its cells before and after (Start and End as YYYY-MM-DD, whatever kind of value the cell holds).
 */
export function toJsonPlan(report: CheckReport, plan: LevelPlan) {
  return {
    id: planId(plan.steps),
    steps: plan.steps.map((step) => ({ ...jsonResolution(report, step), edits: step.edits.map((edit) => jsonEdit(report, edit)) })),
    totals: plan.totals,
    left: plan.left.map(({ conflictId, reason }) => ({ conflictId, reason })),
  };
}

export type JsonPlan = ReturnType<typeof toJsonPlan>;

function jsonResolution(report: CheckReport, { resolution }: PlanStep) {
  const common = { conflictId: resolution.conflictId, row: resolution.row, booking: bookingName(bookingAt(report, resolution.row), resolution.row) };
  if (resolution.kind === 'shift') return { kind: resolution.kind, ...common, days: resolution.days, start: formatIsoDay(resolution.start), end: formatIsoDay(resolution.end) };
  const { provider, region, silicon, block, sameSilicon, needsPort } = resolution;
  return { kind: resolution.kind, ...common, provider, region, silicon, block, sameSilicon, needsPort };
}

function jsonEdit(report: CheckReport, edit: CellEdit) {
  const layout = report.allocation;
  const column = parseCellAddress(edit.address)?.column;
  const header = Object.values(layout.columns).find((ref) => ref?.index === column)?.header ?? '';
  const isDate = edit.sheet === layout.sheetName && (column === layout.columns.start?.index || column === layout.columns.end?.index);
  const value = (cell: CellValue): CellValue => {
    if (!isDate || typeof cell !== 'number') return cell;
    const day = dayFromSerial(cell, report.date1904);
    return day.ok ? formatIsoDay(day.day) : cell;
  };
  return { cell: `${quoteSheetName(edit.sheet)}!${edit.address}`, column: header, before: value(edit.before), after: value(edit.after) };
}
