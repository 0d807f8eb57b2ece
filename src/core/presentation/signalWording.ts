import { LabSignal } from '../signals/labSignals';
import { ConflictStake } from '../signals/conflictStakes';
import { PoolWeek, PoolWeeks } from '../signals/poolWeeks';
import { LOCKED_REASONS } from '../signals/bookingMobility';
import { formatCount, plural } from './wording';

// The words and figures of the signals, the same in the CLI's text and in its HTML report.

/** What a figure that has no value shows ("no chip-days", "nothing at stake"). */
export const NO_FIGURE = '–';

/** The lab table's columns, in order: the lab, its chip-days, velocity, locked chip-days by reason, exposure, cost. */
export const LAB_TABLE_COLUMNS: readonly string[] = ['Lab', 'Booked chip-days', 'Velocity', ...LOCKED_REASONS.map((reason) => `Locked: ${reason}`), 'Exposure chip-hours', 'Cost at stake'];

/** "42%" for a share; "–" when there is none. */
export function formatShare(share: number | null): string {
  return share === null ? NO_FIGURE : `${Math.round(share * 100)}%`;
}

/** A cost as prices give it: "15,360" or "1,234.5". */
export function formatCost(cost: number): string {
  return cost.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

/** A lab's cost at stake: the priced part, "unpriced" for the rest (never 0 for a missing price), "–" when nothing is at stake. */
export function formatExposureCost(lab: Pick<LabSignal, 'exposureCost' | 'unpricedChipHours'>): string {
  if (lab.exposureCost === null) return lab.unpricedChipHours > 0 ? 'unpriced' : NO_FIGURE;
  return lab.unpricedChipHours > 0 ? `${formatCost(lab.exposureCost)} + unpriced` : formatCost(lab.exposureCost);
}

/** One row of texts per lab, under `LAB_TABLE_COLUMNS`. */
export function labTableRows(labs: readonly LabSignal[]): string[][] {
  return labs.map((lab) => [
    lab.lab, formatCount(lab.chipDays), formatShare(lab.velocity), ...LOCKED_REASONS.map((reason) => formatCount(lab.locked[reason])),
    formatCount(lab.exposureChipHours), formatExposureCost(lab),
  ]);
}

/**
 * What a conflict puts at stake and who bears it.
 * @example "172,032 chip-hours at stake (7,168 excess chip-days), unpriced; row 5 (Lab C) gives way"
 */
export function describeStake(stake: ConflictStake): string {
  const who = stake.givesWay === null ? '' : `; row ${stake.givesWay.row} (${stake.givesWay.lab}) gives way`;
  return `${describeStakeFigures(stake)}${who}`;
}

/** The figures of a stake alone: "172,032 chip-hours at stake (7,168 excess chip-days), unpriced". */
export function describeStakeFigures(stake: ConflictStake): string {
  const cost = stake.cost === null ? 'unpriced' : `cost ${formatCost(stake.cost)}`;
  return `${formatCount(stake.chipHours)} chip-hours at stake (${plural(stake.excessChipDays, 'excess chip-day')}), ${cost}`;
}

/** A pool's week in words: "85%", "120%, over-booked 3 days", or "–" when nothing is reserved. */
export function describePoolWeek(week: PoolWeek): string {
  const share = formatShare(week.utilisation);
  return week.overbooked ? `${share}, over-booked ${plural(week.overbookedDays, 'day')}` : share;
}

/** The pools most over-booked in the weeks, most over-booked days first, at most `limit`. */
export function mostOverbookedPools(poolWeeks: PoolWeeks, limit: number) {
  const tallied = poolWeeks.pools.map((row) => ({
    label: row.label,
    overbookedDays: row.weeks.reduce((sum, week) => sum + week.overbookedDays, 0),
    overbookedWeeks: row.weeks.filter((week) => week.overbooked).length,
    /** The Monday of its first over-booked week. */
    firstOverbookedWeek: poolWeeks.firstDay + 7 * row.weeks.findIndex((week) => week.overbooked),
    peakUtilisation: row.weeks.reduce<number | null>((peak, week) => (week.utilisation === null ? peak : Math.max(peak ?? 0, week.utilisation)), null),
  }));
  const overbooked = tallied.filter((pool) => pool.overbookedDays > 0).sort((a, b) => b.overbookedDays - a.overbookedDays);
  return { overbooked: overbooked.length, pools: overbooked.slice(0, limit) };
}
