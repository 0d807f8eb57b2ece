/**
 * Workbooks kept the way labs keep theirs, their tables, totals rows and SUBTOTAL formulas written by
 * LibreOffice Calc (scripts/buildTableWorkbooks.ts), checked as a user runs the CLI on them.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { ZipArchive } from '../../src/xlsx/zipArchive';
import { makeTempDir, removeTempDir } from '../fixtures/buildWorkbooks';
import { cellsOf, checkJson, conflictKeys, differencesAfterPainting, issuesOfRow, runInProcess } from './cliHarness';

const TABLES = path.join(__dirname, '..', 'fixtures', 'tables');
const fixture = (name: string) => path.join(TABLES, name);

describe('capacity-check on Excel tables saved by LibreOffice Calc', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await makeTempDir();
  });
  afterAll(() => removeTempDir(dir));

  describe('a bookings table with a totals row and a note under it', () => {
    it('checks the table’s rows only: no issue on the title, the totals row or the note', async () => {
      const { code, report } = await checkJson([fixture('lo-bookings-table.xlsx')]);
      expect(code).toBe(1);
      expect(report).toMatchObject({ sheet: 'Reservations', table: 'Q4Reservations', rows: 4, summary: { errors: 0, warnings: 0, conflicts: 1 } });
      expect(conflictKeys(report)).toEqual(['4+5@2026-10-15..2026-10-21']);
      for (const quiet of [1, 8, 10]) expect(issuesOfRow(report, quiet)).toEqual([]);
    });

    it('paints the conflict’s cells inside the table, and nothing in the totals row', async () => {
      const copy = path.join(dir, 'bookings-table.checked.xlsx');
      const run = await runInProcess([fixture('lo-bookings-table.xlsx'), '--write', copy]);
      expect(run.code).toBe(1);
      // Accelerator F, Chips G, From H, Until I.
      expect(await differencesAfterPainting(fixture('lo-bookings-table.xlsx'), copy, cellsOf('Reservations', 'FGHI', [4, 5]))).toEqual([]);
    });
  });

  describe('a lookup table above two plans on one sheet', () => {
    it('checks the first table naming the booking columns, not the contacts or the other plan', async () => {
      const { report } = await checkJson([fixture('lo-contacts-and-plans.xlsx')]);
      expect(report).toMatchObject({ table: 'Confirmed2026', rows: 2 });
      expect(conflictKeys(report)).toEqual(['7+8@2026-11-10..2026-11-14']);
      expect(report.issues).toEqual([]);
    });

    it('checks the other plan with --table, whose typo it reports with a suggestion', async () => {
      const { report } = await checkJson([fixture('lo-contacts-and-plans.xlsx'), '--table', 'Proposed2026']);
      expect(report).toMatchObject({ table: 'Proposed2026', rows: 3 });
      expect(conflictKeys(report)).toEqual(['7+8@2027-01-15..2027-01-20']);
      expect(report.issues.map((issue) => `${issue.cell} ${issue.code} ${issue.suggestion}`)).toEqual(['Q9 unknown-silicon Trainium2']);
    });

    it('refuses a table that is not there in one line naming the tables', async () => {
      const run = await runInProcess([fixture('lo-contacts-and-plans.xlsx'), '--table', 'Draft']);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/No table named "Draft"; the tables are "Confirmed2026", "Contacts", "Proposed2026"\.\n$/);
    });
  });

  describe('bookings against a Capacity table reserved per lab', () => {
    it('warns on another lab’s capacity, names the oversized booking, and reads no capacity from the totals row', async () => {
      const { report } = await checkJson([fixture('lo-reserved-capacity.xlsx')]);
      expect(report).toMatchObject({ capacitySheet: 'Capacity', summary: { errors: 1, warnings: 1, conflicts: 1 } });
      expect(issuesOfRow(report, 2)).toEqual([]);
      expect(issuesOfRow(report, 3)).toEqual(['warning:foreign-capacity']);
      expect(issuesOfRow(report, 4)).toEqual(['error:exceeds-capacity']);
      expect(report.conflicts).toEqual([expect.objectContaining({ rows: [4], capacityChips: 2048, excessChips: 7951 })]);
    });
  });

  it('uses the committed files, which stay as LibreOffice wrote them', async () => {
    for (const name of await fs.readdir(TABLES)) {
      const app = ZipArchive.fromBuffer(await fs.readFile(fixture(name))).readText('docProps/app.xml');
      expect(app).toMatch(/<Application>LibreOffice\//);
    }
  });
});
