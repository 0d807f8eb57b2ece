import * as path from 'node:path';
import { buildLargeWorkbook, LargeWorkbook, makeTempDir, removeTempDir } from '../fixtures/buildWorkbooks';
import { cellsOf, differencesAfterPainting, JsonReport, runInProcess } from './cliHarness';

/** Timing is measured, not asserted (see scripts/buildLargeWorkbook.ts); this checks the answers at size. */
describe('capacity-check on a generated workbook of a few thousand rows', () => {
  let dir: string;
  let built: LargeWorkbook;
  let report: JsonReport;
  let copy: string;
  beforeAll(async () => {
    dir = await makeTempDir();
    built = await buildLargeWorkbook(dir, 3000);
    copy = path.join(dir, 'large-annotated.xlsx');
    const run = await runInProcess([built.path, '--json', '--write', copy]);
    expect(run.stderr).toBe('');
    report = JSON.parse(run.stdout) as JsonReport;
  });
  afterAll(() => removeTempDir(dir));

  it('reads every row and finds exactly the one-day overlaps the generator planted', () => {
    expect(report.rows).toBe(built.rows);
    expect(built.conflicts).toBeGreaterThan(10);
    expect(report.conflicts).toHaveLength(built.conflicts);
    // Each overrun meets the same block's next booking (400 rows further down) on one day.
    expect(report.conflicts.filter((conflict) => conflict.start !== conflict.end || conflict.rows.length !== 2 || conflict.rows[1] - conflict.rows[0] !== 400)).toEqual([]);
    expect(report.issues).toEqual([]);
  });

  it('paints exactly the conflict rows and leaves the other cells as they were', async () => {
    const rows = report.conflicts.flatMap((conflict) => conflict.rows);
    // Silicon G, Block H, Chips I, Start J, End K.
    expect(await differencesAfterPainting(built.path, copy, cellsOf('Allocations', 'GHIJK', rows))).toEqual([]);
  });
});
