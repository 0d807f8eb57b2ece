import { CellValue, checkWorkbook } from '../../src/core';
import { COLUMN, generateWorkbook } from '../../bench/generateWorkbook';

/* Found while benchmarking: behaviour that only shows at sizes the unit tests do not reach. */

describe('checkWorkbook on a large workbook', () => {
  describe('when every one of 150,000 rows has an issue', () => {
    it('reports them all instead of overflowing the stack', () => {
      const { snapshot } = generateWorkbook({ rows: 150_000, seed: 11 });
      for (const cells of snapshot.sheets[0].rows.slice(1)) (cells as CellValue[])[COLUMN.silicon] = 'Trainuim9';
      const outcome = checkWorkbook(snapshot);
      if (!outcome.ok) throw new Error(outcome.problem);
      expect(outcome.report.issues.filter((issue) => issue.code === 'unknown-silicon')).toHaveLength(150_000);
    });
  });

  describe('when IDs repeat in different case among many distinct ones', () => {
    it('reports each repeated ID with the other rows that share it', () => {
      const { snapshot } = generateWorkbook({ rows: 20_000, seed: 12 });
      const rows = snapshot.sheets[0].rows as CellValue[][];
      rows.forEach((cells, index) => {
        if (index > 0) cells[COLUMN.id] = `BK-${index}`;
      });
      rows[10][COLUMN.id] = 'bk-7';
      rows[15_000][COLUMN.id] = 'Bk-7';
      rows[12][COLUMN.id] = '';
      rows[13][COLUMN.id] = '';
      const outcome = checkWorkbook(snapshot);
      if (!outcome.ok) throw new Error(outcome.problem);
      const duplicates = outcome.report.issues.filter((issue) => issue.code === 'duplicate-id');
      expect(duplicates.map((issue) => issue.row)).toEqual([8, 11, 15_001]);
      expect(duplicates[0].message).toContain('11');
      expect(duplicates[0].message).toContain('15001');
    });
  });
});
