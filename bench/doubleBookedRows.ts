import { Conflict } from '../src/core';

/** Sheet rows that take part in at least one conflict, ascending: what the planners' rule would colour. */
export function doubleBookedRows(conflicts: readonly Conflict[]): number[] {
  const rows = new Set<number>();
  for (const conflict of conflicts) for (const row of conflict.rows) rows.add(row);
  return [...rows].sort((a, b) => a - b);
}

export interface RowComparison {
  readonly same: boolean;
  /** Which rows only one side flags (a few of each), for an error message. */
  describe(left: string, right: string): string;
}

/** Whether two ascending lists of rows are the same set. */
export function sameRows(left: readonly number[], right: readonly number[]): RowComparison {
  const same = left.length === right.length && left.every((row, index) => row === right[index]);
  return {
    same,
    describe: (leftName, rightName) => {
      const rightSet = new Set(right);
      const leftSet = new Set(left);
      const onlyLeft = left.filter((row) => !rightSet.has(row));
      const onlyRight = right.filter((row) => !leftSet.has(row));
      const sample = (rows: number[]): string => `${rows.length} row(s)${rows.length === 0 ? '' : `, e.g. ${rows.slice(0, 8).join(', ')}`}`;
      return `${leftName} flags ${left.length} rows, ${rightName} ${right.length}; only ${leftName}: ${sample(onlyLeft)}; only ${rightName}: ${sample(onlyRight)}`;
    },
  };
}
