import { isOverbooked } from '../conflicts/overbooking';
import { Pool } from '../model/booking';
import { CalendarDay, formatIsoDay } from '../model/calendarDay';
import { CheckReport } from '../model/report';
import { poolLabel } from '../presentation/wording';
import { AsOf } from './bookingMobility';
import { SignalIndex, signalIndexOf } from './signalIndex';

/** A quarter: the week holding the as-of date and the twelve after it. */
export const QUARTER_WEEKS = 13;
const DAYS_PER_WEEK = 7;

export interface PoolWeeksOptions extends AsOf {
  /** Weeks from the one holding the as-of date; 13 (a quarter) unless given. */
  readonly weeks?: number;
}

/** One pool's week, Monday to Sunday. */
export interface PoolWeek {
  /** Its Monday, `YYYY-MM-DD`. */
  readonly week: string;
  /** Chips reserved × days; null without a Capacity table. */
  readonly capacityChipDays: number | null;
  /** Chips booked by active bookings × days. */
  readonly demandChipDays: number;
  /** The most chips booked on one day of the week. */
  readonly peakDemand: number;
  /**
   * The mean: demand ÷ capacity chip-days (null when nothing is reserved that week). Without a Capacity
   * table, which gives no chips to divide by, the share of the week's days some booking holds.
   */
  readonly utilisation: number | null;
  /** Over-booked days of the week (docs/DOMAIN.md, "Conflicts"). */
  readonly overbookedDays: number;
  readonly overbooked: boolean;
}

/** Pools × weeks for a heatmap: every pool booked or reserved in the weeks, by provider, region, silicon and block. */
export interface PoolWeeks {
  /** Each week's Monday, `YYYY-MM-DD`. */
  readonly weeks: string[];
  readonly firstDay: CalendarDay;
  readonly withCapacity: boolean;
  readonly pools: ReadonlyArray<{ readonly pool: Pool; readonly label: string; readonly weeks: readonly PoolWeek[] }>;
}

/**
 * Where the quarter's heatmap starts: today, or the first open conflict's day when that is earlier, so
 * that conflicts still open in the past are in view.
 */
export function heatmapAsOf(report: CheckReport, today: CalendarDay): CalendarDay {
  return report.conflicts.reduce((first, conflict) => (conflict.accepted ? first : Math.min(first, conflict.start)), today);
}

/** The Monday on or before the day (day 0, 1970-01-01, was a Thursday). */
export function mondayOf(day: CalendarDay): CalendarDay {
  return day - ((((day + 3) % DAYS_PER_WEEK) + DAYS_PER_WEEK) % DAYS_PER_WEEK);
}

export function poolWeeks(report: CheckReport, options: PoolWeeksOptions): PoolWeeks {
  return poolWeeksOf(signalIndexOf(report), options);
}

export function poolWeeksOf({ timelines }: SignalIndex, { asOf, weeks = QUARTER_WEEKS }: PoolWeeksOptions): PoolWeeks {
  const firstDay = mondayOf(asOf);
  const lastDay = firstDay + weeks * DAYS_PER_WEEK;
  const names = Array.from({ length: weeks }, (_, week) => formatIsoDay(firstDay + week * DAYS_PER_WEEK));
  const rows: Array<PoolWeeks['pools'][number]> = [];
  for (const timeline of timelines.pools) {
    let i = timelines.segmentAfter(timeline, firstDay);
    const end = timeline.first + timeline.count;
    if (i >= end || timelines.start[i] >= lastDay) continue;
    const cells: PoolWeek[] = [];
    for (let week = 0; week < weeks; week++) {
      const from = firstDay + week * DAYS_PER_WEEK;
      const to = from + DAYS_PER_WEEK;
      let capacity = 0;
      let demand = 0;
      let peak = 0;
      let held = 0;
      let overbooked = 0;
      // Segments may straddle weeks: step back to the one that reaches into this week, if any.
      while (i > timeline.first && timelines.end[i - 1] > from) i--;
      for (; i < end && timelines.start[i] < to; i++) {
        const days = Math.min(timelines.end[i], to) - Math.max(timelines.start[i], from);
        if (days <= 0) continue;
        capacity += days * timelines.capacity[i];
        demand += days * timelines.demand[i];
        peak = Math.max(peak, timelines.demand[i]);
        if (timelines.holders[i] > 0) held += days;
        if (isOverbooked(timelines.holders[i], timelines.demand[i], timelines.withCapacity ? timelines.capacity[i] : null)) overbooked += days;
      }
      const utilisation = timelines.withCapacity ? (capacity > 0 ? demand / capacity : null) : held / DAYS_PER_WEEK;
      cells.push({
        week: names[week], capacityChipDays: timelines.withCapacity ? capacity : null, demandChipDays: demand, peakDemand: peak,
        utilisation, overbookedDays: overbooked, overbooked: overbooked > 0,
      });
    }
    rows.push({ pool: timeline.pool, label: poolLabel(timeline.pool), weeks: cells });
  }
  rows.sort((a, b) => comparePools(a.pool, b.pool));
  return { weeks: names, firstDay, withCapacity: timelines.withCapacity, pools: rows };
}

// One collator for every comparison: String.prototype.localeCompare builds one per call, too slow for 40,000 pools.
const collator = new Intl.Collator('en');

function comparePools(a: Pool, b: Pool): number {
  return collator.compare(a.provider, b.provider) || collator.compare(a.region, b.region) || collator.compare(a.silicon, b.silicon) || collator.compare(a.block, b.block) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}
