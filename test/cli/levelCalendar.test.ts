import { execFileSync } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { readXlsxWorkbook } from '../../src/xlsx/readXlsxWorkbook';
import { ZipArchive } from '../../src/xlsx/zipArchive';
import { buildLevellingWorkbook, day, makeTempDir, removeTempDir } from '../fixtures/buildWorkbooks';
import { checkJson, fillColour, JsonReport, readCells, runInProcess, sha256 } from './cliHarness';

interface JsonPlan {
  id: string;
  steps: Array<{ kind: string; conflictId: string; row: number; booking: string; days?: number; start?: string; end?: string; edits: Array<{ cell: string; column: string; before: unknown; after: unknown }> }>;
  totals: { conflicts: number; resolved: number; bookingsShifted: number; daysShifted: number; bookingsMoved: number; left: number };
  left: Array<{ conflictId: string; reason: string }>;
}

async function levelJson(args: readonly string[]): Promise<{ code: number; report: JsonReport; plan: JsonPlan }> {
  const { code, report } = await checkJson([...args, '--level']);
  return { code, report, plan: (report as JsonReport & { plan: JsonPlan }).plan };
}

/** Each zip entry's bytes, by name. */
async function entries(file: string): Promise<Map<string, Buffer>> {
  const archive = ZipArchive.fromBuffer(await fs.readFile(file));
  return new Map(archive.names.map((name) => [name, archive.read(name) as Buffer]));
}

describe('capacity-check --level', () => {
  let dir: string;
  let input: string;
  beforeAll(async () => {
    dir = await makeTempDir();
    input = await buildLevellingWorkbook(dir);
  });
  afterAll(() => removeTempDir(dir));

  describe('prints the plan', () => {
    it('after the report: one line per change with its cells before and after, the totals, and nothing left', async () => {
      const run = await runInProcess([input, '--level']);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(1);
      const plan = run.stdout.slice(run.stdout.indexOf('Levelling plan'));
      expect(plan.split('\n').slice(1, 5)).toEqual([
        '  Row 4 Lab B / Evals: shift 8 days, Start 2026-04-01 → 2026-04-09, End 2026-04-10 → 2026-04-18',
        '  Row 3 Lab C / Sprint: shift 8 days, Start 2026-04-20 → 2026-04-28, End 2026-04-30 → 2026-05-08',
        '  Row 8 Lab E / TPU probe: shift 6 days, Start 2026-05-05 → 2026-05-11, End 2026-05-06 → 2026-05-12',
        '  3 of 3 conflicts resolved · 3 bookings shifted (22 days in all) · 0 bookings moved · 0 left',
      ]);
      expect(run.stdout.indexOf('Conflicts\n')).toBeLessThan(run.stdout.indexOf('Levelling plan'));
    });

    it('never plans to write over a formula: row 5, whose End is =H5+3, keeps its place', async () => {
      const { plan } = await levelJson([input]);
      expect(plan.steps.flatMap((step) => step.edits.map((edit) => edit.cell))).not.toContain('Allocations!I5');
      expect(plan.steps.map((step) => step.row)).not.toContain(5);
    });

    it('says why a conflict is left, with the options that left it', async () => {
      const run = await runInProcess([input, '--level', '--tentative-only']);
      expect(run.stdout).toContain('1 left\n\nConflicts left as they are\n');
      expect(run.stdout).toMatch(/C-[0-9a-f]{8} AWS us-east-2 H100 SXM: 5 Apr 2026 – 8 Apr 2026, rows 4, 5\n {4}Row 5 keeps its place: I5 holds a formula, which a plan never overwrites\./);
      const stuck = await levelJson([input, '--horizon', '3', '--no-moves']);
      expect(stuck.plan.left.map((left) => left.reason)).toEqual(Array(3).fill('No booking that may give way can be shifted within 3 days (moves are off).'));
    });

    it('moves a booking it cannot shift within the horizon, writing only the cells that name its pool', async () => {
      const { plan } = await levelJson([input, '--horizon', '3']);
      expect(plan.steps.find((step) => step.row === 3)).toMatchObject({
        kind: 'move', provider: 'AWS', region: 'us-east-2', silicon: 'Trainium2', sameSilicon: true,
        edits: [{ cell: 'Allocations!E3', column: 'Region', before: 'us-east-1', after: 'us-east-2' }],
      });
      expect(plan.totals).toMatchObject({ bookingsMoved: 3, bookingsShifted: 0, left: 0 });
      const copy = path.join(dir, 'moved.xlsx');
      expect((await runInProcess([input, '--level', '--horizon', '3', '--write', copy])).code).toBe(0);
      expect(readXlsxWorkbook(await fs.readFile(copy)).snapshot.sheets[0].rows[2]?.[4]).toBe('us-east-2');
    });

    it('levels only the labs asked, whose bookings alone give way', async () => {
      const { plan } = await levelJson([input, '--lab', 'lab c', '--lab', 'Lab E']);
      expect(plan.steps.map((step) => step.row)).toEqual([3, 8]);
      expect(plan.totals.conflicts).toBe(2);
    });

    it('under "plan" in --json: each step with its conflict, row and cells, the totals and what is left', async () => {
      const { code, report, plan } = await levelJson([input, '--no-moves']);
      expect(code).toBe(1);
      expect(plan.id).toMatch(/^L-[0-9a-f]{8}$/);
      const sprint = plan.steps.find((step) => step.row === 3);
      expect(sprint).toEqual({
        kind: 'shift', conflictId: report.conflicts.find((conflict) => conflict.rows.includes(3))?.id, row: 3, booking: 'Lab C / Sprint', days: 8, start: '2026-04-28', end: '2026-05-08',
        edits: [
          { cell: 'Allocations!H3', column: 'Start', before: '2026-04-20', after: '2026-04-28' },
          { cell: 'Allocations!I3', column: 'End', before: '2026-04-30', after: '2026-05-08' },
        ],
      });
      expect(plan.totals).toEqual({ conflicts: 3, resolved: 3, bookingsShifted: 3, daysShifted: 22, bookingsMoved: 0, left: 0 });
      expect(plan.left).toEqual([]);
      // The report itself is the workbook's, as it is.
      expect(report.summary.conflicts).toBe(3);
    });
  });

  describe('--write', () => {
    let copy: string;
    let code: number;
    let started: Date;
    beforeAll(async () => {
      copy = path.join(dir, 'levelled.xlsx');
      const before = await sha256(input);
      started = new Date();
      const run = await runInProcess([input, '--level', '--write', copy]);
      expect(run.stderr).toBe('');
      expect(await sha256(input)).toBe(before);
      code = run.code;
    });

    it('holds the levelled values, read back by our reader: serials stay serials and text dates text', async () => {
      const { snapshot } = readXlsxWorkbook(await fs.readFile(copy));
      const rows = snapshot.sheets[0].rows;
      const serial = (iso: string) => day(iso).getTime() / 86_400_000 + 25_569;
      expect([rows[2]?.[7], rows[2]?.[8]]).toEqual([serial('2026-04-28'), serial('2026-05-08')]);
      expect([rows[3]?.[7], rows[3]?.[8]]).toEqual([serial('2026-04-09'), serial('2026-04-18')]);
      expect([rows[7]?.[7], rows[7]?.[8]]).toEqual(['2026-05-11', '2026-05-12']);
    });

    it('holds them as dates for ExcelJS too, with formulas and every other cell as they were', async () => {
      const [before, after] = [await readCells(input), await readCells(copy)];
      const changed = new Set(['H3', 'I3', 'H4', 'I4', 'H8', 'I8'].map((cell) => `Allocations!${cell}`));
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(copy);
      const sheet = workbook.getWorksheet('Allocations') as ExcelJS.Worksheet;
      expect(sheet.getCell('H3').value).toEqual(day('2026-04-28'));
      expect(sheet.getCell('I4').value).toEqual(day('2026-04-18'));
      expect(sheet.getCell('H3').numFmt).toBe('yyyy-mm-dd');
      expect(sheet.getCell('H8').value).toBe('2026-05-11');
      expect(sheet.getCell('I5').value).toEqual({ formula: 'H5+3', result: day('2026-04-08') });
      const differences = [...before].filter(([address, state]) => !address.startsWith('Resolution log!') && !changed.has(address) && JSON.stringify(after.get(address)) !== JSON.stringify(state));
      expect(differences).toEqual([]);
    });

    it('checks again clean, paints nothing, and exits on the copy it wrote', async () => {
      expect(code).toBe(0);
      const again = await checkJson([copy]);
      expect(again.report.conflicts).toEqual([]);
      expect(again.report.issues).toEqual([]);
      const cells = await readCells(copy);
      expect([...cells].filter(([, state]) => fillColour(state) === 'FFFFFF00').map(([address]) => address)).toEqual([]);
    });

    it('logs one row per change under the plan id in a new Resolution log sheet, When a real date-time', async () => {
      const { plan } = await levelJson([input]);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(copy);
      const log = workbook.getWorksheet('Resolution log') as ExcelJS.Worksheet;
      expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Allocations', 'Read me', 'Resolution log']);
      const rows = (log.getSheetValues() as unknown[][]).filter(Boolean).map((row) => row.slice(1));
      expect(rows[0]).toEqual(['When', 'Who', 'Conflict', 'Action', 'Rows', 'Before', 'After', 'Reason']);
      expect(rows.slice(1).map((row) => row.slice(2))).toEqual(plan.steps.map((step) => [
        step.conflictId, 'level shift', String(step.row),
        step.edits.map((edit) => `${edit.cell.split('!')[1]} = ${edit.before}`).join('; '),
        step.edits.map((edit) => `${edit.cell.split('!')[1]} = ${edit.after}`).join('; '),
        expect.stringMatching(new RegExp(`^Plan ${plan.id}: Shift ${step.booking} by \\+${step.days} days \\(`)),
      ]));
      const when = log.getCell('A2');
      expect(when.numFmt).toBe('yyyy-mm-dd hh:mm');
      // ExcelJS reads a local date-time as if it were UTC.
      const local = new Date(started.getTime() - started.getTimezoneOffset() * 60_000);
      expect(Math.abs((when.value as Date).getTime() - local.getTime())).toBeLessThan(10 * 60_000);
      expect(String(log.getCell('B2').value)).toMatch(/capacity-check/);
    });

    it('changes only the allocation sheet, the styles and the parts that list the new sheet, byte for byte', async () => {
      const [a, b] = [await entries(input), await entries(copy)];
      const changed = [...b.keys()].filter((name) => !a.get(name)?.equals(b.get(name) as Buffer));
      expect(changed.sort()).toEqual(['[Content_Types].xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml', 'xl/worksheets/sheet3.xml']);
      expect([...a.keys()].filter((name) => !b.has(name))).toEqual([]);
    });

    it('paints yellow only the conflicts left, and exits 1 for them', async () => {
      const partial = path.join(dir, 'levelled-tentative.xlsx');
      const run = await runInProcess([input, '--level', '--tentative-only', '--write', partial]);
      expect(run.code).toBe(1);
      expect(run.stdout).toContain(`Levelled copy: ${partial} (1 open conflicts, 0 errors)`);
      const yellow = [...(await readCells(partial))].filter(([, state]) => fillColour(state) === 'FFFFFF00').map(([address]) => address);
      expect(yellow.sort()).toEqual(['Allocations!F4', 'Allocations!F5', 'Allocations!G4', 'Allocations!G5', 'Allocations!H4', 'Allocations!H5', 'Allocations!I4', 'Allocations!I5']);
    });

    it('appends to a Resolution log sheet the workbook has, under its last row', async () => {
      const withLog = await buildLevellingWorkbook(dir, 'with-log.xlsx', 'range');
      const out = path.join(dir, 'with-log-levelled.xlsx');
      expect((await runInProcess([withLog, '--level', '--write', out])).code).toBe(0);
      const { snapshot } = readXlsxWorkbook(await fs.readFile(out));
      const log = snapshot.sheets.find((sheet) => sheet.name === 'Resolution log');
      expect(snapshot.sheets.map((sheet) => sheet.name)).toEqual(['Allocations', 'Read me', 'Resolution log']);
      expect(log?.rows.map((row) => row?.[3])).toEqual(['Action', 'accept', 'level shift', 'level shift', 'level shift']);
    });

    it('refuses, with one line and exit 2, a Resolution log kept as an Excel table, writing nothing', async () => {
      const withTable = await buildLevellingWorkbook(dir, 'with-log-table.xlsx', 'table');
      const out = path.join(dir, 'with-log-table-levelled.xlsx');
      const run = await runInProcess([withTable, '--level', '--write', out]);
      expect(run).toEqual({ code: 2, stdout: '', stderr: expect.stringMatching(/^capacity-check: cannot write the levelled copy of .*: its "Resolution log" sheet holds an Excel table[^\n]*\n$/) });
      expect(existsSync(out)).toBe(false);
    });

    const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((file) => existsSync(file));
    (soffice === undefined ? it.skip : it)(`opens in LibreOffice Calc, which converts it to CSV with the levelled dates${soffice === undefined ? ' (skipped: LibreOffice is not installed)' : ''}`, async () => {
      const out = path.join(dir, 'lo');
      execFileSync(soffice as string, [`-env:UserInstallation=file://${path.join(dir, 'lo-profile')}`, '--headless', '--convert-to', 'csv', '--outdir', out, copy], { stdio: 'pipe', timeout: 120_000 });
      const csv = await fs.readFile(path.join(out, 'levelled.csv'), 'utf8');
      expect(csv.split('\n')[2]).toMatch(/^L-2,Lab C,Sprint,AWS,us-east-1,Trainium2,64,2026-04-28,2026-05-08,tentative/);
    }, 150_000);
  });

  describe('refuses bad option values with one line and exit 2', () => {
    it.each([
      [['--level', '--horizon', '0'], '--horizon 0: give a whole number of days from 1 to 3660'],
      [['--level', '--horizon', 'soon'], '--horizon soon: give a whole number of days from 1 to 3660'],
      [['--level', '--horizon', '99999'], '--horizon 99999: give a whole number of days from 1 to 3660'],
      [['--horizon', '30'], '--horizon needs --level'],
      [['--no-moves'], '--no-moves needs --level'],
      [['--level', '--lab', ' '], '--lab needs a lab name'],
    ])('%j', async (args, problem) => {
      expect(await runInProcess([input, ...args])).toEqual({ code: 2, stdout: '', stderr: `capacity-check: ${problem} (see --help)\n` });
    });
  });
});
