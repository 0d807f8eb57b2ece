import {
  acceptanceNote, bookingAt, bookingDetails, bookingName, CheckReport, Conflict, ConflictStake, daysIn, describeStake, formatCount, formatWindow, Issue, JsonSignals, plural,
  poolLabel, summarize, tableLabel,
} from '../core';
import { formatSignals } from './formatSignals';

export interface Palette {
  readonly bold: (text: string) => string;
  readonly red: (text: string) => string;
  readonly yellow: (text: string) => string;
  readonly green: (text: string) => string;
  readonly dim: (text: string) => string;
}

const ansi = (code: number) => (text: string) => `\u001b[${code}m${text}\u001b[0m`;
export const COLOURS: Palette = { bold: ansi(1), red: ansi(31), yellow: ansi(33), green: ansi(32), dim: ansi(2) };
const identity = (text: string) => text;
export const PLAIN: Palette = { bold: identity, red: identity, yellow: identity, green: identity, dim: identity };

/**
 * The readable summary: with signals, the lab table and the pools' over-booked weeks first; then the
 * counts, the open conflicts (with their stake), the accepted ones, and the issues grouped by row.
 */
export function formatReport(report: CheckReport, source: string, palette: Palette = PLAIN, withSignals?: JsonSignals): string {
  const summary = summarize(report);
  const stakes = withSignals?.signals.stakes;
  const lines = [
    ...(withSignals === undefined ? [] : [...formatSignals(withSignals.signals, withSignals.asOf, palette), '']),
    palette.bold(`${source}: ${tableLabel(report.allocation)}, ${plural(summary.bookings, 'booking')} checked${report.capacity ? ` against capacity in ${tableLabel(report.capacity)}` : ''}`),
    [
      summary.openConflicts > 0 ? palette.red(plural(summary.openConflicts, 'conflict')) : palette.green('no conflicts'),
      ...(summary.acceptedConflicts > 0 ? [`${formatCount(summary.acceptedConflicts)} accepted`] : []),
      summary.errors > 0 ? palette.red(plural(summary.errors, 'error')) : palette.green('no errors'),
      summary.warnings > 0 ? palette.yellow(plural(summary.warnings, 'warning')) : 'no warnings',
    ].join(' · '),
  ];
  const open = report.conflicts.filter((conflict) => !conflict.accepted);
  const accepted = report.conflicts.filter((conflict) => conflict.accepted);
  if (open.length > 0) lines.push('', palette.bold('Conflicts'), ...open.flatMap((conflict) => formatConflict(report, conflict, palette, stakes?.get(conflict.id))));
  if (accepted.length > 0) lines.push('', palette.bold('Accepted conflicts'), ...accepted.flatMap((conflict) => formatConflict(report, conflict, palette, stakes?.get(conflict.id))));
  if (report.issues.length > 0) lines.push('', palette.bold('Issues'), ...formatIssues(report, palette));
  return lines.join('\n');
}

function formatConflict(report: CheckReport, conflict: Conflict, palette: Palette, stake: ConflictStake | undefined): string[] {
  // An accepted conflict is shown as settled, never in the colours of a violation.
  const emphasis = conflict.accepted ? palette.dim : palette.red;
  const status = conflict.acceptance ? palette.dim(` (${acceptanceNote(conflict.acceptance)})`) : '';
  const lines = [`  ${palette.bold(conflict.id)} ${poolLabel(conflict.pool)}: ${formatWindow(conflict.start, conflict.end)} (${plural(daysIn(conflict.start, conflict.end), 'day')})${status}`];
  for (const row of conflict.rows) {
    const booking = bookingAt(report, row);
    const details = bookingDetails(booking);
    lines.push(`    row ${row}: ${bookingName(booking, row)}${details ? ` — ${details}` : ''}`);
  }
  if (conflict.lapsedAcceptance) lines.push(`    ${palette.yellow(`open again: ${acceptanceNote(conflict.lapsedAcceptance)}, but its rows have changed since`)}`);
  if (conflict.excessChips !== null && conflict.capacityChips !== null) {
    lines.push(`    ${emphasis(`${plural(conflict.excessChips, 'chip')} over`)} the ${formatCount(conflict.capacityChips)} reserved`);
  } else if (conflict.bookedChips) {
    lines.push(`    ${plural(conflict.bookedChips, 'chip')} booked on the busiest day`);
  }
  if (stake !== undefined) lines.push(`    ${emphasis(describeStake(stake))}`);
  return lines;
}

function formatIssues(report: CheckReport, palette: Palette): string[] {
  const lines: string[] = [];
  let currentGroup = '';
  for (const issue of report.issues) {
    const group = `${issue.sheet}\u0000${issue.row}`;
    if (group !== currentGroup) {
      currentGroup = group;
      const sheetNote = issue.sheet === report.allocation.sheetName ? '' : ` of "${issue.sheet}"`;
      lines.push(`  Row ${issue.row}${sheetNote}`);
    }
    lines.push(`    ${formatIssue(issue, palette)}`);
  }
  return lines;
}

function formatIssue(issue: Issue, palette: Palette): string {
  const severity = issue.severity === 'error' ? palette.red('error  ') : palette.yellow('warning');
  const where = issue.cell ?? issue.column;
  return `${severity} ${where.padEnd(5)} ${issue.code}: ${issue.message}`;
}
