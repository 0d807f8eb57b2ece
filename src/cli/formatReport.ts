import {
  acceptanceNote, bookingAt, bookingDetails, bookingName, CheckReport, Conflict, conflictFacts, ConflictStake, daysIn, describeStake, facetGroups, formatCount, formatWindow, Issue,
  JsonSignals, plural, poolLabel, summarize, tableLabel, triage,
} from '../core';
import { formatSignals } from './formatSignals';
import type { ReportView } from './parseCliArgs';

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
 * counts, the open conflicts (with their stake), the accepted ones, and the issues grouped by row. The
 * view groups the conflicts by a facet, keeps one part, or stops after `limit` conflicts and issue rows.
 */
export function formatReport(report: CheckReport, source: string, palette: Palette = PLAIN, withSignals?: JsonSignals, view: ReportView = {}): string {
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
  const limit = view.limit ?? Infinity;
  const format = (conflict: Conflict, indent: string) => formatConflict(report, conflict, palette, stakes?.get(conflict.id)).map((line) => `${indent}${line}`);
  if (view.only === undefined || view.only === 'conflicts') {
    lines.push(...(view.groupBy === undefined ? formatConflictSections(report, format, limit, palette) : formatConflictGroups(report, view.groupBy, format, limit, palette)));
  }
  const issues = view.only === 'errors' ? report.issues.filter((issue) => issue.severity === 'error')
    : view.only === 'warnings' ? report.issues.filter((issue) => issue.severity === 'warning')
      : view.only === 'conflicts' ? [] : report.issues;
  const title = view.only === 'errors' ? 'Errors' : view.only === 'warnings' ? 'Warnings' : 'Issues';
  if (issues.length > 0) lines.push('', palette.bold(title), ...formatIssues(report, issues, limit, palette));
  return lines.join('\n');
}

type FormatConflict = (conflict: Conflict, indent: string) => string[];

/** The open conflicts, then the accepted ones, `limit` at most between them. */
function formatConflictSections(report: CheckReport, format: FormatConflict, limit: number, palette: Palette): string[] {
  const open = report.conflicts.filter((conflict) => !conflict.accepted);
  const accepted = report.conflicts.filter((conflict) => conflict.accepted);
  const shownOpen = open.slice(0, limit);
  const shownAccepted = accepted.slice(0, Math.max(0, limit - shownOpen.length));
  const lines: string[] = [];
  if (shownOpen.length > 0) lines.push('', palette.bold('Conflicts'), ...shownOpen.flatMap((conflict) => format(conflict, '')));
  if (shownAccepted.length > 0) lines.push('', palette.bold('Accepted conflicts'), ...shownAccepted.flatMap((conflict) => format(conflict, '')));
  return [...lines, ...moreConflicts(report.conflicts.length - shownOpen.length - shownAccepted.length, palette)];
}

/** The conflicts under one heading per group of the facet, largest first; `limit` conflicts printed at most. */
function formatConflictGroups(report: CheckReport, facet: NonNullable<ReportView['groupBy']>, format: FormatConflict, limit: number, palette: Palette): string[] {
  if (report.conflicts.length === 0) return [];
  const facts = conflictFacts(report);
  const groups = facetGroups(facts, facet).map(({ value, count }) => ({ heading: value, count, members: triage(facts, { filters: { [facet]: value } }) }));
  // A conflict whose bookings name no lab is still listed, under a heading of its own.
  const unnamed = facts.filter((fact) => fact.facets[facet].length === 0);
  if (unnamed.length > 0) groups.push({ heading: `(no ${facet})`, count: unnamed.length, members: unnamed });
  const lines = ['', palette.bold(`Conflicts by ${facet}`)];
  const shown = new Set<string>();
  let printed = 0;
  for (const group of groups) {
    if (printed >= limit) break;
    lines.push(`  ${palette.bold(group.heading)} (${plural(group.count, 'conflict')})`);
    for (const { conflict } of group.members.slice(0, limit - printed)) {
      lines.push(...format(conflict, '  '));
      shown.add(conflict.id);
      printed += 1;
    }
  }
  return [...lines, ...moreConflicts(report.conflicts.length - shown.size, palette)];
}

function moreConflicts(count: number, palette: Palette): string[] {
  return count > 0 ? [palette.dim(`  and ${plural(count, 'more conflict')}`)] : [];
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

/** The issues grouped by row, `limit` rows at most. */
function formatIssues(report: CheckReport, issues: readonly Issue[], limit: number, palette: Palette): string[] {
  const lines: string[] = [];
  let currentGroup = '';
  let rows = 0;
  for (const issue of issues) {
    const group = `${issue.sheet}\u0000${issue.row}`;
    if (group !== currentGroup) {
      currentGroup = group;
      rows += 1;
      if (rows > limit) continue;
      const sheetNote = issue.sheet === report.allocation.sheetName ? '' : ` of "${issue.sheet}"`;
      lines.push(`  Row ${issue.row}${sheetNote}`);
    }
    if (rows <= limit) lines.push(`    ${formatIssue(issue, palette)}`);
  }
  if (rows > limit) lines.push(palette.dim(`  and ${plural(rows - limit, 'more row')} with issues`));
  return lines;
}

function formatIssue(issue: Issue, palette: Palette): string {
  const severity = issue.severity === 'error' ? palette.red('error  ') : palette.yellow('warning');
  const where = issue.cell ?? issue.column;
  return `${severity} ${where.padEnd(5)} ${issue.code}: ${issue.message}`;
}
