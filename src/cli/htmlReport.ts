import { createHash } from 'node:crypto';
import {
  bookingAt, bookingName, CheckReport, Conflict, ConflictStake, daysIn, formatCost, formatCount, formatReadableDay, formatWindow, JsonSignals, LAB_TABLE_COLUMNS,
  labTableRows, NO_FIGURE, plural, poolLabel, PoolWeeks, summarize, tableLabel,
} from '../core';
import { escapeHtml, htmlTable } from './html';
import { htmlHeatmap } from './htmlHeatmap';

/** Pools drawn in the heatmap, and conflicts listed: enough for a mail; --json has them all. */
export const HTML_POOLS_SHOWN = 100;
export const HTML_CONFLICTS_SHOWN = 500;

const STYLE = `body{font-family:system-ui,sans-serif;margin:2rem;color:#1a1a1a;max-width:90rem}
h1{font-size:1.4rem}h2{font-size:1.15rem;margin-top:2rem}
table{border-collapse:collapse;margin:0.5rem 0 1rem}caption{text-align:left;font-weight:600;padding:0.25rem 0}
th,td{border:1px solid #c8c8c8;padding:0.2rem 0.5rem;vertical-align:top}td,th.n{text-align:right}
tbody th{text-align:left;font-weight:normal}td.text{text-align:left}
.heatmap svg{max-width:100%;height:auto}table.conflicts td:nth-child(-n+4),table.conflicts td:last-child,table.conflicts td:nth-last-child(2){text-align:left}.note{color:#555}`;

/** The Content-Security-Policy: nothing may load or run; only the one style block above applies. */
function contentSecurityPolicy(): string {
  const hash = createHash('sha256').update(STYLE).digest('base64');
  return `default-src 'none'; style-src 'sha256-${hash}'; img-src 'none'; script-src 'none'; base-uri 'none'; form-action 'none'`;
}

/**
 * One self-contained HTML file: the heatmap of pools by week (inline SVG with a text alternative), the
 * lab table and the conflicts with their stake. No script, nothing loaded; every workbook text escaped.
 */
export function htmlReport(report: CheckReport, source: string, { asOf, signals }: JsonSignals): string {
  const summary = summarize(report);
  const title = `Capacity check: ${source}`;
  const counts = [plural(summary.openConflicts, 'open conflict'), plural(summary.acceptedConflicts, 'accepted conflict'), plural(summary.errors, 'error'), plural(summary.warnings, 'warning')];
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy())}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    `<h1>${escapeHtml(title)}</h1>`,
    `<p>${escapeHtml(`${tableLabel(report.allocation)}, ${plural(summary.bookings, 'booking')} checked${report.capacity ? ` against capacity in ${tableLabel(report.capacity)}` : ''}; as of ${formatReadableDay(asOf)}: ${counts.join(', ')}.`)}</p>`,
    '<h2>Pools by week</h2>',
    heatmapSection(signals.poolWeeks),
    '<h2>Labs</h2>',
    `<p class="note">${escapeHtml('Velocity: the share of booked chip-days from the as-of date that could move within 7 days to another provider without a port. Locked chip-days by reason. Exposure: the chip-hours at stake of the open conflicts in which the lab\'s booking gives way.')}</p>`,
    htmlTable(`Labs from ${formatReadableDay(asOf)}`, LAB_TABLE_COLUMNS, labTableRows(signals.labs), 'labs'),
    '<h2>Conflicts</h2>',
    conflictsSection(report, signals.stakes),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function heatmapSection(poolWeeks: PoolWeeks): string {
  if (poolWeeks.pools.length === 0) return `<p>${escapeHtml('No pool is booked or reserved in these weeks.')}</p>`;
  const shown = poolsToShow(poolWeeks);
  const more = poolWeeks.pools.length - shown.length;
  const note = more > 0 ? `\n<p class="note">${escapeHtml(`The ${formatCount(shown.length)} most over-booked and busiest pools of ${formatCount(poolWeeks.pools.length)}; --json lists them all.`)}</p>` : '';
  return `${htmlHeatmap(poolWeeks, shown)}${note}`;
}

/** Every pool when they are few; else those with the most over-booked days, then the busiest, in the heatmap's order. */
function poolsToShow(poolWeeks: PoolWeeks): PoolWeeks['pools'] {
  if (poolWeeks.pools.length <= HTML_POOLS_SHOWN) return poolWeeks.pools;
  const weight = poolWeeks.pools.map((row, index) => ({
    index,
    overbooked: row.weeks.reduce((sum, week) => sum + week.overbookedDays, 0),
    demand: row.weeks.reduce((sum, week) => sum + week.demandChipDays, 0),
  }));
  weight.sort((a, b) => b.overbooked - a.overbooked || b.demand - a.demand || a.index - b.index);
  const kept = new Set(weight.slice(0, HTML_POOLS_SHOWN).map((entry) => entry.index));
  return poolWeeks.pools.filter((_, index) => kept.has(index));
}

const CONFLICT_COLUMNS = ['Conflict', 'Pool', 'Days', 'Bookings', 'Excess chip-days', 'Chip-hours at stake', 'Cost at stake', 'Gives way', 'State'];

function conflictsSection(report: CheckReport, stakes: JsonSignals['signals']['stakes']): string {
  if (report.conflicts.length === 0) return `<p>${escapeHtml('No conflicts.')}</p>`;
  const shown = report.conflicts.slice(0, HTML_CONFLICTS_SHOWN);
  const rows = shown.map((conflict) => conflictRow(report, conflict, stakes.get(conflict.id)));
  const more = report.conflicts.length - shown.length;
  const note = more > 0 ? `\n<p class="note">${escapeHtml(`and ${plural(more, 'more conflict')}; --json lists them all.`)}</p>` : '';
  return `${htmlTable(plural(report.conflicts.length, 'conflict'), CONFLICT_COLUMNS, rows, 'conflicts')}${note}`;
}

function conflictRow(report: CheckReport, conflict: Conflict, stake: ConflictStake | undefined): string[] {
  const bookings = conflict.rows.map((row) => `row ${row}: ${bookingName(bookingAt(report, row), row)}`).join('; ');
  const window = `${formatWindow(conflict.start, conflict.end)} (${plural(daysIn(conflict.start, conflict.end), 'day')})`;
  const givesWay = stake?.givesWay == null ? NO_FIGURE : `row ${stake.givesWay.row} (${stake.givesWay.lab})`;
  const state = conflict.accepted ? 'accepted' : 'open';
  if (stake === undefined) return [conflict.id, poolLabel(conflict.pool), window, bookings, NO_FIGURE, NO_FIGURE, NO_FIGURE, givesWay, state];
  return [
    conflict.id, poolLabel(conflict.pool), window, bookings, formatCount(stake.excessChipDays), formatCount(stake.chipHours),
    stake.cost === null ? 'unpriced' : formatCost(stake.cost), givesWay, state,
  ];
}

