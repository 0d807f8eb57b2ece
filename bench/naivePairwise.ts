/**
 * The naive way to find double-bookings, as the benchmark's baseline and cross-check: group the active
 * rows by pool, then compare every pair of rows of each pool (O(k²) for a pool of k rows). Shares no
 * code with the engine's sweep.
 */

/** A row as the naive check needs it; days are whole numbers and `end` is inclusive, as typed. */
export interface NaiveRow {
  readonly sheetRow: number;
  readonly pool: string | null;
  readonly start: number | null;
  readonly end: number | null;
  readonly active: boolean;
}

/**
 * Sheet rows that share at least one day of their pool with another active row, ascending.
 * Without a Capacity table these are exactly the rows of the workbook's conflicts.
 * @example findDoubleBookedRowsNaive([{ sheetRow: 2, pool: 'p', start: 1, end: 5, active: true },
 *   { sheetRow: 3, pool: 'p', start: 5, end: 9, active: true }]) // [2, 3]: both hold day 5
 */
export function findDoubleBookedRowsNaive(rows: readonly NaiveRow[]): number[] {
  const byPool = new Map<string, NaiveRow[]>();
  for (const row of rows) {
    if (!row.active || row.pool === null || row.start === null || row.end === null) continue;
    const group = byPool.get(row.pool);
    if (group === undefined) byPool.set(row.pool, [row]);
    else group.push(row);
  }
  const flagged = new Set<number>();
  for (const group of byPool.values()) {
    for (let i = 0; i < group.length; i++) {
      const a = group[i];
      for (let j = i + 1; j < group.length; j++) {
        const b = group[j];
        // Inclusive ends: two rows touching on one day both hold it.
        if ((a.start as number) <= (b.end as number) && (b.start as number) <= (a.end as number)) {
          flagged.add(a.sheetRow);
          flagged.add(b.sheetRow);
        }
      }
    }
  }
  return [...flagged].sort((x, y) => x - y);
}
