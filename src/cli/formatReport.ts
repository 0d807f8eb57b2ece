import { Booking, CheckReport, Conflict, formatReadableDay, Issue } from '../core';

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

const count = (n: number, noun: string): string => `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;

/** The readable summary: counts, then each conflict, then issues grouped by row. */
export function formatReport(report: CheckReport, source: string, palette: Palette = PLAIN): string {
  const lines: string[] = [];
  const errors = report.issues.filter((issue) => issue.severity === 'error').length;
  const warnings = report.issues.length - errors;
  const open = report.conflicts.filter((conflict) => !conflict.accepted);
  const accepted = report.conflicts.length - open.length;
  const capacityNote = report.capacity ? ` against capacity in "${report.capacity.sheetName}"` : '';
  lines.push(palette.bold(`${source}: "${report.allocation.sheetName}", ${count(report.bookings.length, 'booking')} checked${capacityNote}`));
  const summary = [
    open.length > 0 ? palette.red(count(open.length, 'conflict')) : palette.green('no conflicts'),
    ...(accepted > 0 ? [`${accepted} accepted`] : []),
    errors > 0 ? palette.red(count(errors, 'error')) : palette.green('no errors'),
    warnings > 0 ? palette.yellow(count(warnings, 'warning')) : 'no warnings',
  ];
  lines.push(summary.join(' · '));

  if (report.conflicts.length > 0) {
    const byRow = new Map(report.bookings.map((booking) => [booking.sheetRow, booking]));
    lines.push('', palette.bold('Conflicts'));
    for (const conflict of report.conflicts) lines.push(...formatConflict(conflict, byRow, palette));
  }
  if (report.issues.length > 0) {
    lines.push('', palette.bold('Issues'));
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
  }
  return lines.join('\n');
}

function formatConflict(conflict: Conflict, byRow: ReadonlyMap<number, Booking>, palette: Palette): string[] {
  const { provider, region, silicon, block } = conflict.pool;
  const days = conflict.end - conflict.start + 1;
  const pool = [provider, region, silicon].join(' ') + (block ? ` block ${block}` : '');
  const window = conflict.start === conflict.end ? formatReadableDay(conflict.start) : `${formatReadableDay(conflict.start)} – ${formatReadableDay(conflict.end)}`;
  const status = conflict.accepted ? palette.dim(` (accepted: ${conflict.acceptedReason || 'no reason given'})`) : '';
  const lines = [`  ${palette.bold(conflict.id)} ${pool}: ${window} (${count(days, 'day')})${status}`];
  for (const row of conflict.rows) {
    const booking = byRow.get(row);
    const who = [booking?.lab, booking?.team, booking?.workload].filter((part) => part).join(' / ') || 'unnamed booking';
    const chips = booking?.chips ? `, ${count(booking.chips, 'chip')}` : '';
    lines.push(`    row ${row}: ${who}${chips}`);
  }
  if (conflict.excessChips !== null && conflict.capacityChips !== null) {
    lines.push(`    ${palette.red(`${conflict.excessChips.toLocaleString('en-US')} chips over`)} the ${conflict.capacityChips.toLocaleString('en-US')} reserved`);
  } else if (conflict.bookedChips) {
    lines.push(`    ${conflict.bookedChips.toLocaleString('en-US')} chips booked on the busiest day`);
  }
  return lines;
}

function formatIssue(issue: Issue, palette: Palette): string {
  const severity = issue.severity === 'error' ? palette.red('error  ') : palette.yellow('warning');
  const where = issue.cell ?? issue.column;
  return `${severity} ${where.padEnd(5)} ${issue.code}: ${issue.message}`;
}
