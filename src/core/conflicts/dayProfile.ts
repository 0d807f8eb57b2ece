import { CapacityRow } from '../model/booking';
import { CalendarDay } from '../model/calendarDay';
import { fitsOnDay, isOverbooked } from './overbooking';

/**
 * One pool's day-by-day holders, demand and capacity over a window of days, for what-if questions:
 * does this booking clear the conflict if it goes, does it fit if it moves here.
 */
export class DayProfile {
  private readonly holders: Int32Array;
  private readonly demand: Float64Array;
  private readonly capacity: Float64Array | null;

  /** `capacityRows` is null when the workbook has no Capacity table. */
  constructor(readonly firstDay: CalendarDay, readonly length: number, bookings: readonly CapacityRow[], capacityRows: readonly CapacityRow[] | null) {
    this.holders = new Int32Array(length);
    this.demand = new Float64Array(length);
    this.capacity = capacityRows === null ? null : new Float64Array(length);
    for (const booking of bookings) this.add(booking, 1);
    if (this.capacity !== null) for (const row of capacityRows ?? []) this.each(row, (i) => ((this.capacity as Float64Array)[i] += row.chips ?? 0));
  }

  /** Adds (`sign` 1) or takes away (-1) a booking's chips on the days it holds. */
  add(booking: CapacityRow, sign: 1 | -1): void {
    this.each(booking, (i) => {
      this.holders[i] += sign;
      this.demand[i] += sign * (booking.chips ?? 0);
    });
  }

  isOverbooked(day: CalendarDay): boolean {
    const i = day - this.firstDay;
    if (i < 0 || i >= this.length) return false;
    return isOverbooked(this.holders[i], this.demand[i], this.capacity === null ? null : this.capacity[i]);
  }

  /** Whether a booking of `chips` may hold the day without over-booking it (or using unreserved capacity). */
  fits(day: CalendarDay, chips: number): boolean {
    const i = day - this.firstDay;
    if (i < 0 || i >= this.length) return false;
    return fitsOnDay(this.holders[i], this.demand[i], this.capacity === null ? null : this.capacity[i], chips);
  }

  /** Whether a booking of `chips` may hold every day of `[start, endExclusive)`. */
  fitsThroughout(start: CalendarDay, endExclusive: CalendarDay, chips: number): boolean {
    for (let day = start; day < endExclusive; day++) if (!this.fits(day, chips)) return false;
    return true;
  }

  /**
   * The fewest days later (1 to `maxDays`) that a booking of `chips` holding `[start, endExclusive)`
   * can go so that it fits every day it then holds; undefined when no such shift exists.
   */
  smallestLaterShift(start: CalendarDay, endExclusive: CalendarDay, chips: number, maxDays: number): number | undefined {
    const length = endExclusive - start;
    // Days that do not fit, counted from the day after `start`, so each candidate is checked in O(1).
    const bad = new Int32Array(length + maxDays + 1);
    for (let i = 0; i < length + maxDays; i++) bad[i + 1] = bad[i] + (this.fits(start + 1 + i, chips) ? 0 : 1);
    for (let days = 1; days <= maxDays; days++) if (bad[days - 1 + length] - bad[days - 1] === 0) return days;
    return undefined;
  }

  /** The chips reserved on the day, or null without a Capacity table. */
  capacityOn(day: CalendarDay): number | null {
    const i = day - this.firstDay;
    if (this.capacity === null) return null;
    return i < 0 || i >= this.length ? 0 : this.capacity[i];
  }

  /** Whether no day of `[first, last]` is over-booked. */
  isClear(first: CalendarDay, last: CalendarDay): boolean {
    for (let day = first; day <= last; day++) if (this.isOverbooked(day)) return false;
    return true;
  }

  private each(row: CapacityRow, visit: (index: number) => void): void {
    if (row.start === null || row.endExclusive === null) return;
    const end = Math.min(row.endExclusive, this.firstDay + this.length);
    for (let day = Math.max(row.start, this.firstDay); day < end; day++) visit(day - this.firstDay);
  }
}
