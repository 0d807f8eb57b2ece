import { dayFromSerial, formatIsoDay, formatReadableDay } from '../model/calendarDay';
import { CellEdit } from '../model/cellEdit';
import { bookingAt, CheckReport } from '../model/report';
import { cellText } from '../model/snapshot';
import { Resolution } from '../resolutions/resolution';
import { bookingName, formatCount, formatShortDay, plural, poolLabel } from './wording';

const signed = (days: number): string => `${days > 0 ? '+' : '−'}${plural(Math.abs(days), 'day')}`;

// The wording of resolutions, shared by the task pane's buttons and the resolution log.

/** What a resolution does, in a button's words. @example "Shift Lab B / FT sprint by +8 days (28 Apr – 11 May)" */
export function describeResolution(report: CheckReport, resolution: Resolution): string {
  if (resolution.kind === 'accept') return `Accept the conflict: ${resolution.reason}`;
  if (resolution.kind === 'revoke') return `Reopen the accepted conflict: ${resolution.reason}`;
  const booking = bookingAt(report, resolution.row);
  const who = bookingName(booking, resolution.row);
  switch (resolution.kind) {
    case 'shift':
      return `Shift ${who} by ${signed(resolution.days)} (${formatShortDay(resolution.start)} – ${formatReadableDay(resolution.end)})`;
    case 'trim':
      return `Trim ${who} to ${formatShortDay(resolution.start)} – ${formatReadableDay(resolution.end)} (${plural(resolution.daysLost, 'day')} fewer)`;
    case 'move': {
      const target = resolution.sameSilicon
        ? [resolution.provider, resolution.region, resolution.block ? `block ${resolution.block}` : ''].filter((part) => part).join(' ')
        : poolLabel(resolution);
      const port = resolution.needsPort ? ` (needs a port from ${booking?.silicon?.family ?? 'its stack'} to ${familyOf(report, resolution.silicon)})` : '';
      return `Move ${who} to ${target}${port}`;
    }
    case 'shrink':
      return `Shrink ${who} from ${formatCount(resolution.fromChips)} to ${plural(resolution.chips, 'chip')}`;
  }
}

function familyOf(report: CheckReport, silicon: string): string {
  const found = report.catalog.findSilicon(silicon);
  return found.found ? found.value.family : silicon;
}

/** Cell values for the log's Before and After columns: "I12 = 2026-03-09; J12 = 2026-03-22". */
export function describeEdits(edits: readonly CellEdit[], side: 'before' | 'after', date1904: boolean, dateAddresses: ReadonlySet<string>): string {
  return edits
    .map((edit) => {
      const value = edit[side];
      const shown = typeof value === 'number' && dateAddresses.has(edit.address) ? isoOfSerial(value, date1904) : cellText(value);
      return `${edit.address} = ${shown === '' ? '(empty)' : shown}`;
    })
    .join('; ');
}

function isoOfSerial(serial: number, date1904: boolean): string {
  const day = dayFromSerial(serial, date1904);
  return day.ok ? formatIsoDay(day.day) : String(serial);
}
