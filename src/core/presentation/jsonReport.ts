import { formatIsoDay } from '../model/calendarDay';
import { CheckReport } from '../model/report';

/** The report as the CLI's `--json` prints it: dates as YYYY-MM-DD, rows as sheet row numbers. */
export function toJsonReport(report: CheckReport) {
  const errors = report.issues.filter((issue) => issue.severity === 'error').length;
  return {
    sheet: report.allocation.sheetName,
    capacitySheet: report.capacity?.sheetName ?? null,
    rows: report.bookings.length,
    summary: {
      errors,
      warnings: report.issues.length - errors,
      conflicts: report.conflicts.filter((conflict) => !conflict.accepted).length,
      acceptedConflicts: report.conflicts.filter((conflict) => conflict.accepted).length,
    },
    issues: report.issues.map((issue) => ({
      sheet: issue.sheet,
      row: issue.row,
      column: issue.column,
      cell: issue.cell,
      severity: issue.severity,
      code: issue.code,
      message: issue.message,
      ...(issue.suggestion === undefined ? {} : { suggestion: issue.suggestion }),
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
      ...(conflict.acceptedReason === undefined ? {} : { acceptedReason: conflict.acceptedReason }),
    })),
  };
}

export type JsonReport = ReturnType<typeof toJsonReport>;
