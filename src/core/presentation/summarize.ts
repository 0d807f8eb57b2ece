import { CheckReport } from '../model/report';

/** The counts every surface shows, from one place: the ribbon, the pane, the CLI's text, JSON and exit code. */
export interface ReportSummary {
  readonly bookings: number;
  readonly openConflicts: number;
  readonly acceptedConflicts: number;
  readonly errors: number;
  readonly warnings: number;
  /** Errors or open conflicts: the workbook needs someone's attention (the CLI exits 1). */
  readonly needsAttention: boolean;
}

export function summarize(report: CheckReport): ReportSummary {
  let errors = 0;
  for (const issue of report.issues) if (issue.severity === 'error') errors++;
  let acceptedConflicts = 0;
  for (const conflict of report.conflicts) if (conflict.accepted) acceptedConflicts++;
  const openConflicts = report.conflicts.length - acceptedConflicts;
  return {
    bookings: report.bookings.length,
    openConflicts,
    acceptedConflicts,
    errors,
    warnings: report.issues.length - errors,
    needsAttention: errors > 0 || openConflicts > 0,
  };
}
