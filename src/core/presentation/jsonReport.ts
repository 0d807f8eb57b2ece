import { formatIsoDay } from '../model/calendarDay';
import { CheckReport } from '../model/report';
import { summarize } from './summarize';

/** The report as the CLI's `--json` prints it: dates as YYYY-MM-DD, rows as sheet row numbers. */
export function toJsonReport(report: CheckReport) {
  const summary = summarize(report);
  return {
    sheet: report.allocation.sheetName,
    table: report.allocation.table?.name ?? null,
    capacitySheet: report.capacity?.sheetName ?? null,
    rows: report.bookings.length,
    summary: { errors: summary.errors, warnings: summary.warnings, conflicts: summary.openConflicts, acceptedConflicts: summary.acceptedConflicts },
    issues: report.issues.map((issue) => ({
      sheet: issue.sheet,
      row: issue.row,
      column: issue.column,
      cell: issue.cell,
      severity: issue.severity,
      code: issue.code,
      message: issue.message,
      ...(issue.suggestion === undefined ? {} : { suggestion: issue.suggestion }),
      ...(issue.alternatives === undefined ? {} : { alternatives: issue.alternatives }),
    })),
    conflicts: report.conflicts.map((conflict) => ({
      id: conflict.id,
      provider: conflict.pool.provider,
      region: conflict.pool.region,
      silicon: conflict.pool.silicon,
      block: conflict.pool.block,
      start: formatIsoDay(conflict.start),
      end: formatIsoDay(conflict.end),
      rows: conflict.rows,
      bookedChips: conflict.bookedChips,
      capacityChips: conflict.capacityChips,
      excessChips: conflict.excessChips,
      accepted: conflict.accepted,
      ...(conflict.acceptance === undefined ? {} : { acceptedReason: conflict.acceptance.reason, acceptedBy: conflict.acceptance.by, acceptedAt: conflict.acceptance.at }),
    })),
  };
}

export type JsonReport = ReturnType<typeof toJsonReport>;
