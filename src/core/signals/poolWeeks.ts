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
    const segments = timeline.segments;
    let i = timelines.segmentAfter(timeline, firstDay);
    const end = timeline.first + timeline.count;
    if (i >= end || segments.start[i] >= lastDay) continue;
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
      while (i > timeline.first && segments.end[i - 1] > from) i--;
      for (; i < end && segments.start[i] < to; i++) {
        const days = Math.min(segments.end[i], to) - Math.max(segments.start[i], from);
        if (days <= 0) continue;
        capacity += days * segments.capacity[i];
        demand += days * segments.demand[i];
        peak = Math.max(peak, segments.demand[i]);
        if (segments.holders[i] > 0) held += days;
        if (isOverbooked(segments.holders[i], segments.demand[i], timelines.withCapacity ? segments.capacity[i] : null)) overbooked += days;
      }
      const utilisation = timelines.withCapacity ? (capacity > 0 ? demand / capacity : null) : held / DAYS_PER_WEEK;
      cells.push({
        week: names[week], capacityChipDays: timelines.withCapacity ? capacity : null, demandChipDays: demand, peakDemand: peak,
        utilisation, overbookedDays: overbooked, overbooked: overbooked > 0,
      });
    }
    rows.push({ pool: timeline.pool, label: poolLabel(timeline.pool), weeks: cells });
  }
  return { weeks: names, firstDay, withCapacity: timelines.withCapacity, pools: inPoolOrder(rows) };
}

// One collator for every comparison: String.prototype.localeCompare builds one per call, too slow for 40,000 pools.
const collator = new Intl.Collator('en');
const POOL_PARTS = ['provider', 'region', 'silicon', 'block'] as const;

/**
 * Sorted by provider, region, silicon and block as the collator orders them, then by key. Tens of
 * thousands of pools share a few hundred names, so each distinct name is ranked by the collator once
 * and the pools are sorted by their ranks.
 */
function inPoolOrder<T extends { readonly pool: Pool }>(rows: readonly T[]): T[] {
  const ranks = POOL_PARTS.map((part) => {
    const names = [...new Set(rows.map((row) => row.pool[part]))].sort(collator.compare);
    const rank = new Map<string, number>();
    // Names the collator holds equal share a rank, so the next part decides between them, as a comparison would.
    names.forEach((name, i) => rank.set(name, i > 0 && collator.compare(names[i - 1], name) === 0 ? (rank.get(names[i - 1]) as number) : i));
    return rank;
  });
  const keyed = rows.map((row) => ({ row, ranks: POOL_PARTS.map((part, i) => ranks[i].get(row.pool[part]) as number) }));
  keyed.sort((a, b) => a.ranks[0] - b.ranks[0] || a.ranks[1] - b.ranks[1] || a.ranks[2] - b.ranks[2] || a.ranks[3] - b.ranks[3] || (a.row.pool.key < b.row.pool.key ? -1 : a.row.pool.key > b.row.pool.key ? 1 : 0));
  return keyed.map(({ row }) => row);
}
