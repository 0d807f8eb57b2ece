import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import {
  buildCapacityWorkbook, buildFormulasWorkbook, buildMessyCellsWorkbook, buildMissingColumnWorkbook, buildResolutionLogWorkbook, buildSharedStylesWorkbook,
  buildSynonymsWorkbook, buildTextDatesWorkbook, buildWhiteFillWorkbook, GREY, LONG_NOTE_LENGTH, makeTempDir, removeTempDir,
  SHARED_FILL, WHITE,
} from '../fixtures/buildWorkbooks';
import { cellsOf, checkJson, differencesAfterPainting, fillColour, readCells, runInProcess, sha256 } from './cliHarness';

describe('capacity-check --write', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await makeTempDir();
  });
  afterAll(() => removeTempDir(dir));

  /** Checks `input` with --write and returns the copy's path, after asserting the input's bytes did not change. */
  async function annotate(input: string, extra: string[] = []): Promise<string> {
    const copy = path.join(dir, `annotated-${path.basename(input)}`);
    const before = await sha256(input);
    const run = await runInProcess([input, '--json', '--write', copy, ...extra]);
    expect(run.stderr).toBe('');
    expect([0, 1]).toContain(run.code);
    expect(await sha256(input)).toBe(before);
    return copy;
  }

  it('paints Silicon, Start, End and Chips of conflict rows yellow and leaves every other cell as it was', async () => {
    const input = await buildSynonymsWorkbook(dir);
    const copy = await annotate(input);
    // Accelerator D, Until C, # chips G, From I; conflicts on rows 4-7.
    expect(await differencesAfterPainting(input, copy, cellsOf('Plan Q2', 'CDGI', [4, 5, 6, 7]))).toEqual([]);
  });

  it('paints Block too where the table has one, and adds the cells it paints when they are missing', async () => {
    const input = await buildTextDatesWorkbook(dir);
    const copy = await annotate(input);
    // Silicon C, Block D, Chips E, Start F, End G; conflicts on rows 2-7, errors elsewhere are not painted.
    expect(await differencesAfterPainting(input, copy, cellsOf('Allocations', 'CDEFG', [2, 3, 4, 5, 6, 7]))).toEqual([]);
  });

  it('paints cells holding formulas and keeps the formulas and their cached results', async () => {
    const input = await buildFormulasWorkbook(dir);
    const copy = await annotate(input);
    expect(await differencesAfterPainting(input, copy, cellsOf('Allocations', 'CDEF', [2, 3, 5, 8, 9]))).toEqual([]);
  });

  it('paints a hidden conflict row and keeps it hidden, the merged title merged and a long note whole', async () => {
    const input = await buildMessyCellsWorkbook(dir);
    const copy = await annotate(input);
    expect(await differencesAfterPainting(input, copy, cellsOf('Allocations', 'FGHI', [4, 5]))).toEqual([]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(copy);
    const sheet = workbook.getWorksheet('Allocations') as ExcelJS.Worksheet;
    expect(sheet.getRow(5).hidden).toBe(true);
    expect(sheet.getRow(4).hidden).toBe(false);
    expect(sheet.getCell('J2').isMerged).toBe(true);
    expect(sheet.getCell('J2').master.address).toBe('A1');
    expect(String(sheet.getCell('J6').value)).toHaveLength(LONG_NOTE_LENGTH);
  });

  it('gives painted cells their own style: cells that shared it keep their fill, and painted ones keep font and border', async () => {
    const input = await buildSharedStylesWorkbook(dir);
    const copy = await annotate(input);
    expect(await differencesAfterPainting(input, copy, cellsOf('Allocations', 'CDEF', [4, 9]))).toEqual([]);
    const cells = await readCells(copy);
    expect(fillColour(cells.get('Allocations!C5'))).toBe(SHARED_FILL);
    expect(fillColour(cells.get('Allocations!A4'))).toBe(SHARED_FILL);
    expect(JSON.parse(cells.get('Allocations!C4')?.rest ?? '{}')).toMatchObject({ font: { bold: true }, border: { bottom: { style: 'thin' } } });
  });

  it('keeps explicit white fills white and cells without a fill without one', async () => {
    const input = await buildWhiteFillWorkbook(dir);
    const copy = await annotate(input);
    expect(await differencesAfterPainting(input, copy, cellsOf('Allocations', 'CDE', [2, 3]))).toEqual([]);
    const cells = await readCells(copy);
    expect(fillColour(cells.get('Allocations!A2'))).toBe(WHITE);
    expect(fillColour(cells.get('Allocations!A3'))).toBeNull();
    expect(fillColour(cells.get('Allocations!C4'))).toBe(WHITE);
    expect(fillColour(cells.get('Allocations!C5'))).toBeNull();
    expect(fillColour(cells.get('Allocations!C6'))).toBe(GREY);
  });

  it('paints only the rows of conflicts over capacity, and Block and Chips with them', async () => {
    const input = await buildCapacityWorkbook(dir);
    const copy = await annotate(input);
    expect(await differencesAfterPainting(input, copy, cellsOf('Allocations', 'EFGHI', [2, 3, 6]))).toEqual([]);
  });

  it('does not paint accepted conflicts', async () => {
    const { report } = await checkJson([await buildResolutionLogWorkbook(dir, [], 'log-first.xlsx')]);
    const trainium = report.conflicts.find((conflict) => conflict.silicon === 'Trainium2');
    const input = await buildResolutionLogWorkbook(dir, [{ conflict: trainium?.id ?? '', action: 'accept', reason: 'agreed' }]);
    const copy = await annotate(input);
    // Only the TPU conflict (rows 4+5) is open: Silicon C, Start D, End E.
    expect(await differencesAfterPainting(input, copy, cellsOf('Allocations', 'CDE', [4, 5]))).toEqual([]);
  });

  it('writes a copy identical in every cell when there is nothing to paint', async () => {
    const input = await buildMissingColumnWorkbook(dir, 'nothing-to-paint.xlsx');
    const copy = path.join(dir, 'nothing-painted.xlsx');
    const run = await runInProcess([input, '--write', copy]);
    expect(run.stdout).toContain(`Annotated copy: ${copy}`);
    expect(await differencesAfterPainting(input, copy, new Set())).toEqual([]);
  });

  describe('when the copy cannot be written where asked', () => {
    it('refuses the input path itself, leaving the input untouched', async () => {
      const input = await buildSynonymsWorkbook(dir, 'same.xlsx');
      const before = await sha256(input);
      const run = await runInProcess([input, '--write', input]);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(/^capacity-check: --write .* is the input workbook[^\n]*\n$/);
      expect(await sha256(input)).toBe(before);
    });

    it('refuses the input reached through another spelling, a symbolic link or a hard link', async () => {
      const input = await buildSynonymsWorkbook(dir, 'linked.xlsx');
      const symbolic = path.join(dir, 'symbolic.xlsx');
      const hard = path.join(dir, 'hard.xlsx');
      await fs.symlink(input, symbolic);
      await fs.link(input, hard);
      const before = await sha256(input);
      for (const target of [symbolic, hard, `${dir}/./linked.xlsx`]) {
        const run = await runInProcess([input, '--write', target]);
        expect(run.code).toBe(2);
        expect(run.stderr).toContain('is the input workbook');
      }
      expect(await sha256(input)).toBe(before);
    });

    it('refuses a folder that does not exist before checking, in one line and with nothing on stdout', async () => {
      const run = await runInProcess([await buildSynonymsWorkbook(dir), '--json', '--write', path.join(dir, 'no-such-folder', 'out.xlsx')]);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(/^capacity-check: --write .*does not exist\n$/);
    });

    it('refuses a directory as the copy', async () => {
      const run = await runInProcess([await buildSynonymsWorkbook(dir), '--write', dir]);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain('is a directory');
    });
  });
});
