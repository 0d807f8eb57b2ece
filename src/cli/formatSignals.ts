import {
  CalendarDay, formatReadableDay, formatShare, formatShortDay, formatWindow, LAB_TABLE_COLUMNS, labTableRows, mostOverbookedPools, plural, Signals,
} from '../core';
import type { Palette } from './formatReport';

/** Pools named in the readable summary; the HTML report and --json have them all. */
const POOLS_SHOWN = 5;

/** The lines that open the readable report: the lab table, then the pools' over-booked weeks. */
export function formatSignals(signals: Signals, asOf: CalendarDay, palette: Palette): string[] {
  return [...formatLabTable(signals, asOf, palette), '', ...formatPoolSummary(signals, palette)];
}

function formatLabTable({ labs }: Signals, asOf: CalendarDay, palette: Palette): string[] {
  const title = palette.bold(`Labs from ${formatReadableDay(asOf)}`);
  if (labs.length === 0) return [title, '  no active bookings'];
  const rows = [LAB_TABLE_COLUMNS.map((column) => column.replace(/^Locked: /, '')), ...labTableRows(labs)];
  const widths = LAB_TABLE_COLUMNS.map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  // The lab left-aligned, the figures right-aligned under their headings.
  const line = (row: readonly string[]) => `  ${row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ')}`.trimEnd();
  return [
    title,
    palette.dim('  velocity: share of chip-days that could move within 7 days to another provider without a port; then the locked chip-days by reason'),
    palette.dim(line(rows[0])),
    ...rows.slice(1).map(line),
  ];
}

function formatPoolSummary({ poolWeeks }: Signals, palette: Palette): string[] {
  const { overbooked, pools } = mostOverbookedPools(poolWeeks, POOLS_SHOWN);
  const lastDay = poolWeeks.firstDay + 7 * poolWeeks.weeks.length - 1;
  const lines = [
    palette.bold(`Pools, ${formatWindow(poolWeeks.firstDay, lastDay)} (${plural(poolWeeks.weeks.length, 'week')})`),
    `  ${plural(poolWeeks.pools.length, 'pool')} booked or reserved; ${overbooked === 0 ? palette.green('none over-booked') : palette.red(`${plural(overbooked, 'pool')} over-booked in some week`)}`,
  ];
  for (const pool of pools) {
    const peak = poolWeeks.withCapacity ? `, peak week ${formatShare(pool.peakUtilisation)} of capacity` : '';
    lines.push(`  ${pool.label}: ${plural(pool.overbookedDays, 'over-booked day')} in ${plural(pool.overbookedWeeks, 'week')} (from the week of ${formatShortDay(pool.firstOverbookedWeek)})${peak}`);
  }
  if (overbooked > pools.length) lines.push(palette.dim(`  and ${plural(overbooked - pools.length, 'more pool')}`));
  return lines;
}

