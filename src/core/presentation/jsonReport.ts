import { Booking } from '../model/booking';
import { CalendarDay, formatIsoDay } from '../model/calendarDay';
import { bookingAt, CheckReport, Conflict } from '../model/report';
import { inGivingWayOrder } from '../resolutions/givingWay';
import { Signals } from '../signals/signalsOf';
import { summarize } from './summarize';

/** The signals a JSON report carries, counted from `asOf`. */
export interface JsonSignals {
  readonly asOf: CalendarDay;
  readonly signals: Signals;
}

/**
 * The report as the CLI's `--json` prints it: dates as YYYY-MM-DD, rows as sheet row numbers. With
 * signals, also the as-of date, each lab's signals (`labs`), the pools' weeks (`poolWeeks`) and each
 * conflict's `stake`. Each conflict lists its `bookings` with their facts and the row that `givesWay`
 * first (the stake's, when there is one).
 */
export function toJsonReport(report: CheckReport, withSignals?: JsonSignals) {
  const summary = summarize(report);
  const stakes = withSignals?.signals.stakes;
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
    conflicts: report.conflicts.map((conflict) => {
      const bookings = bookingsOf(report, conflict);
      const stake = stakes?.get(conflict.id);
      return {
      id: conflict.id,
      provider: conflict.pool.provider,
      region: conflict.pool.region,
      silicon: conflict.pool.silicon,
      block: conflict.pool.block,
      start: formatIsoDay(conflict.start),
      end: formatIsoDay(conflict.end),
      rows: conflict.rows,
      bookings: bookings.map(jsonBooking),
      givesWay: stake !== undefined ? stake.givesWay?.row ?? null : inGivingWayOrder(bookings)[0]?.sheetRow ?? null,
      bookedChips: conflict.bookedChips,
      capacityChips: conflict.capacityChips,
      excessChips: conflict.excessChips,
      accepted: conflict.accepted,
      ...(conflict.acceptance === undefined ? {} : { acceptedReason: conflict.acceptance.reason, acceptedBy: conflict.acceptance.by, acceptedAt: conflict.acceptance.at }),
      ...(stakes === undefined ? {} : { stake: stake ?? null }),
      };
    }),
    ...(withSignals === undefined ? {} : jsonSignals(withSignals)),
  };
}

function bookingsOf(report: CheckReport, conflict: Conflict): Booking[] {
  return conflict.rows.map((row) => bookingAt(report, row)).filter((booking): booking is Booking => booking !== undefined);
}

const textOrNull = (text: string): string | null => (text.trim() === '' ? null : text);

/** A booking's facts a lead decides on; null for an empty or invalid cell. End is the last day held. */
function jsonBooking(booking: Booking) {
  return {
    row: booking.sheetRow,
    id: textOrNull(booking.id),
    lab: textOrNull(booking.lab),
    team: textOrNull(booking.team),
    chips: booking.chips,
    start: booking.start === null ? null : formatIsoDay(booking.start),
    end: booking.endExclusive === null ? null : formatIsoDay(booking.endExclusive - 1),
    status: textOrNull(booking.status),
    priority: textOrNull(booking.priority),
    owner: textOrNull(booking.owner),
    booked: booking.booked === null ? null : formatIsoDay(booking.booked),
  };
}

function jsonSignals({ asOf, signals }: JsonSignals) {
  return {
    asOf: formatIsoDay(asOf),
    labs: signals.labs,
    poolWeeks: {
      weeks: signals.poolWeeks.weeks,
      withCapacity: signals.poolWeeks.withCapacity,
      pools: signals.poolWeeks.pools.map(({ pool, label, weeks }) => ({ provider: pool.provider, region: pool.region, silicon: pool.silicon, block: pool.block, label, weeks })),
    },
  };
}

export type JsonReport = ReturnType<typeof toJsonReport>;
