import { CalendarDay, dayFromSerial, formatIsoDay, formatReadableDay } from '../model/calendarDay';
import { CellEdit } from '../model/cellEdit';
import { Resolution } from '../resolutions/resolution';
import { cellText } from '../model/snapshot';
import { CheckReport } from '../model/report';
import { Booking } from '../model/booking';

// The wording of resolutions, shared by the task pane's buttons and the resolution log.

/** "Lab B / FT sprint", or the row number when the booking names nobody. */
export function bookingName(booking: Booking | undefined, row: number): string {
  const name = [booking?.lab, booking?.team || booking?.workload].filter((part) => part).join(' / ');
  return name || `row ${row}`;
}

const shortDay = (day: CalendarDay): string => formatReadableDay(day).replace(/ \d{4}$/, '');
const signed = (days: number): string => `${days > 0 ? '+' : '−'}${Math.abs(days)} day${Math.abs(days) === 1 ? '' : 's'}`;

/** What a resolution does, in a button's words. @example "Shift Lab B / FT sprint by +8 days (28 Apr – 11 May)" */
export function describeResolution(report: CheckReport, resolution: Resolution): string {
  if (resolution.kind === 'accept') return `Accept the overlap: ${resolution.reason}`;
  const booking = report.bookings.find((candidate) => candidate.sheetRow === resolution.row);
  const who = bookingName(booking, resolution.row);
  switch (resolution.kind) {
    case 'shift':
      return `Shift ${who} by ${signed(resolution.days)} (${shortDay(resolution.start)} – ${formatReadableDay(resolution.end)})`;
    case 'move': {
      const target = [resolution.provider, resolution.region, resolution.sameSilicon ? '' : resolution.silicon, resolution.block ? `block ${resolution.block}` : '']
        .filter((part) => part)
        .join(' ');
      const port = resolution.needsPort ? ` (needs a port from ${booking?.silicon?.family ?? 'its stack'} to ${familyOf(report, resolution.silicon)})` : '';
      return `Move ${who} to ${target}${port}`;
    }
    case 'shrink':
      return `Shrink ${who} from ${resolution.fromChips.toLocaleString('en-US')} to ${resolution.chips.toLocaleString('en-US')} chips`;
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
