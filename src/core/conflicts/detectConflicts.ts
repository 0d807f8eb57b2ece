import { Booking, CapacityRow, Pool } from '../model/booking';
import { Conflict } from '../model/report';
import { AcceptanceRecord, acceptanceHolds } from '../resolutions/resolutionLog';
import { conflictId } from './conflictId';
import { findOverbookedRunsInColumns, IntervalColumns } from './findOverbookedRuns';
import { SweptSegments } from './segmentColumns';

/** Numbers for pools, shared by bookings and capacity rows: rows of one pool read from two tables get one number. */
export class PoolNumbers {
  readonly keys: string[] = [];
  // Keyed by the pool's key string, which every booking of a pool shares, so a look-up never compares text.
  private readonly byKey = new Map<string, number>();

  numberOf(pool: Pool): number {
    let number = this.byKey.get(pool.key);
    if (number === undefined) {
      number = this.keys.length;
      this.keys.push(pool.key);
      this.byKey.set(pool.key, number);
    }
    return number;
  }
}

/** The days each active row holds, `ref` being its index in `rows`; one pass, as it runs over every row. */
export function intervalsOf(rows: readonly CapacityRow[], pools: PoolNumbers): IntervalColumns {
  const columns = new IntervalColumns(rows.length);
  for (let ref = 0; ref < rows.length; ref++) {
    const row = rows[ref];
    if (!row.active || row.pool === null || row.start === null || row.endExclusive === null) continue;
    columns.push(pools.numberOf(row.pool), row.start, row.endExclusive, row.chips ?? 0, ref);
  }
  return columns;
}

/** Conflicts of the bookings, ordered by first day, then pool; accepted ones marked. */
export function detectConflicts(bookings: readonly Booking[], capacityRows: readonly CapacityRow[] | null, accepted: ReadonlyMap<string, AcceptanceRecord>): Conflict[] {
  const pools = new PoolNumbers();
  return conflictsOf(bookings, intervalsOf(bookings, pools), capacityRows === null ? null : intervalsOf(capacityRows, pools), pools, accepted);
}

/** `detectConflicts` with the intervals already made; given `segments`, the sweep's pieces of days are kept there. */
export function conflictsOf(
  bookings: readonly Booking[], demand: IntervalColumns, capacity: IntervalColumns | null, pools: PoolNumbers, accepted: ReadonlyMap<string, AcceptanceRecord>,
  segments: SweptSegments | null = null,
): Conflict[] {
  const runs = findOverbookedRunsInColumns(pools.keys, demand, capacity, segments);
  const conflicts = runs.map((run): Conflict => {
    const first = bookings[run.refs[0]];
    const pool = first.pool as Pool;
    const end = run.endExclusive - 1;
    const id = conflictId(run.poolKey, run.start, end);
    const rows = run.refs.map((ref) => bookings[ref].sheetRow);
    const record = accepted.get(id);
    const holds = record !== undefined && acceptanceHolds(record, rows);
    return {
      id, pool, start: run.start, end, rows, bookedChips: run.bookedChips, capacityChips: run.capacityChips, excessChips: run.excessChips,
      accepted: holds, ...(record === undefined ? {} : holds ? { acceptance: record } : { lapsedAcceptance: record }),
    };
  });
  return conflicts.sort((a, b) => a.start - b.start || a.pool.key.localeCompare(b.pool.key) || a.rows[0] - b.rows[0]);
}

