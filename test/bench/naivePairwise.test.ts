import { checkWorkbook } from '../../src/core';
import { doubleBookedRows, sameRows } from '../../bench/doubleBookedRows';
import { ALLOCATION_HEADER, generateWorkbook } from '../../bench/generateWorkbook';
import { findDoubleBookedRowsNaive, NaiveRow } from '../../bench/naivePairwise';
import { doubleBookingRule, runSpreadsheetRule } from '../../bench/spreadsheetRule';

/*
 * The benchmark reports no time unless the engine, the naive check and the spreadsheet rule flag the
 * same rows. These tests check that comparison itself: the naive check on hand-made rows, the
 * generator's truth against what checkWorkbook reads from the cells, and the rule on a small sheet.
 */

const row = (sheetRow: number, pool: string | null, start: number | null, end: number | null, active = true): NaiveRow => ({
  sheetRow, pool, start, end, active,
});

function engineRows(rows: number, seed: number): number[] {
  const outcome = checkWorkbook(generateWorkbook({ rows, seed }).snapshot);
  if (!outcome.ok) throw new Error(outcome.problem);
  return doubleBookedRows(outcome.report.conflicts);
}

describe('findDoubleBookedRowsNaive', () => {
  describe('when two rows of a pool touch on one day', () => {
    it('flags both, since End is inclusive', () => {
      expect(findDoubleBookedRowsNaive([row(2, 'p', 10, 14), row(3, 'p', 14, 20)])).toEqual([2, 3]);
    });
  });

  describe('when one row ends the day before the other starts', () => {
    it('flags neither', () => {
      expect(findDoubleBookedRowsNaive([row(2, 'p', 10, 13), row(3, 'p', 14, 20)])).toEqual([]);
    });
  });

  describe('when the rows overlap but are in different pools', () => {
    it('flags neither', () => {
      expect(findDoubleBookedRowsNaive([row(2, 'p', 10, 20), row(3, 'q', 10, 20)])).toEqual([]);
    });
  });

  describe('when one of two overlapping rows is inactive or has no valid dates or pool', () => {
    it('flags neither', () => {
      expect(findDoubleBookedRowsNaive([row(2, 'p', 10, 20), row(3, 'p', 12, 15, false)])).toEqual([]);
      expect(findDoubleBookedRowsNaive([row(2, 'p', 10, 20), row(3, 'p', null, 15)])).toEqual([]);
      expect(findDoubleBookedRowsNaive([row(2, null, 10, 20), row(3, null, 10, 20)])).toEqual([]);
    });
  });

  describe('when a long row overlaps two that do not overlap each other', () => {
    it('flags all three, ascending', () => {
      expect(findDoubleBookedRowsNaive([row(9, 'p', 1, 30), row(4, 'p', 1, 5), row(6, 'p', 20, 25)])).toEqual([4, 6, 9]);
    });
  });

  describe('when there are no rows', () => {
    it('flags nothing', () => {
      expect(findDoubleBookedRowsNaive([])).toEqual([]);
    });
  });
});

describe('generateWorkbook', () => {
  it('gives the same workbook for the same seed, and another for another seed', () => {
    const first = generateWorkbook({ rows: 300, seed: 5 });
    expect(generateWorkbook({ rows: 300, seed: 5 }).snapshot).toEqual(first.snapshot);
    expect(generateWorkbook({ rows: 300, seed: 6 }).snapshot).not.toEqual(first.snapshot);
  });

  it('writes the header and exactly the rows asked for, with their truth', () => {
    const { snapshot, truth } = generateWorkbook({ rows: 500, seed: 1 });
    expect(snapshot.sheets.map((sheet) => sheet.name)).toEqual(['Bookings']);
    expect(snapshot.sheets[0].rows[0]).toEqual([...ALLOCATION_HEADER]);
    expect(snapshot.sheets[0].rows).toHaveLength(501);
    expect(truth.map((entry) => entry.sheetRow)).toEqual(Array.from({ length: 500 }, (_, index) => index + 2));
  });

  it('cancels about one row in twenty', () => {
    const { snapshot } = generateWorkbook({ rows: 20_000, seed: 2 });
    const statuses = snapshot.sheets[0].rows.slice(1).map((cells) => String(cells?.[10]).toLowerCase());
    const cancelled = statuses.filter((status) => ['cancelled', 'canceled', 'released'].includes(status)).length / statuses.length;
    expect(cancelled).toBeGreaterThan(0.04);
    expect(cancelled).toBeLessThan(0.06);
  });

  it('adds a Capacity sheet without changing the bookings', () => {
    const without = generateWorkbook({ rows: 400, seed: 3 });
    const withCapacity = generateWorkbook({ rows: 400, seed: 3, capacity: true });
    expect(withCapacity.snapshot.sheets.map((sheet) => sheet.name)).toEqual(['Bookings', 'Capacity']);
    expect(withCapacity.snapshot.sheets[0]).toEqual(without.snapshot.sheets[0]);
    expect(withCapacity.capacityRows).toBeGreaterThan(0);
  });

  it('makes some rows over capacity when there is a Capacity table', () => {
    const outcome = checkWorkbook(generateWorkbook({ rows: 2_000, seed: 4, capacity: true }).snapshot);
    if (!outcome.ok) throw new Error(outcome.problem);
    expect(outcome.report.capacity).not.toBeNull();
    expect(outcome.report.conflicts.some((conflict) => (conflict.excessChips ?? 0) > 0)).toBe(true);
  });
});

describe('the benchmark cross-check', () => {
  it.each([1, 2, 3, 4])('finds with the naive check exactly the rows checkWorkbook flags (500 rows, seed %i)', (seed) => {
    const { truth } = generateWorkbook({ rows: 500, seed });
    const naive = findDoubleBookedRowsNaive(truth);
    const engine = engineRows(500, seed);
    expect(sameRows(engine, naive).same).toBe(true);
    // Conflicts are a small but real share of the rows.
    expect(engine.length).toBeGreaterThan(0);
    expect(engine.length).toBeLessThan(500 * 0.2);
  });

  it('notices when one side flags a row the other does not', () => {
    const comparison = sameRows([2, 3, 5], [2, 3, 7]);
    expect(comparison.same).toBe(false);
    expect(comparison.describe('engine', 'naive')).toContain('only engine: 1 row(s), e.g. 5');
  });

  it('finds with the spreadsheet rule, in HyperFormula, exactly the rows checkWorkbook flags', () => {
    const { truth } = generateWorkbook({ rows: 120, seed: 7 });
    const rule = runSpreadsheetRule(truth);
    expect(rule.flaggedRows).toEqual(engineRows(120, 7));
    expect(rule.flaggedRows.length).toBeGreaterThan(0);
  });

  it("writes the planners' rule for a row, with Block added to the pool", () => {
    expect(doubleBookingRule(2, 101)).toBe(
      '=SUMPRODUCT(($E$2:$E$101=E2)*($F$2:$F$101=F2)*($G$2:$G$101=G2)*($I2<=$J$2:$J$101)*($J2>=$I$2:$I$101)*($L$2:$L$101=L2))>1',
    );
  });
});
