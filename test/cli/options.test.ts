import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { buildCapacityWorkbook, buildNewProviderWorkbook, buildTwoPlansWorkbook, makeTempDir, NEBIUS_CATALOG, removeTempDir, writeTextFile } from '../fixtures/buildWorkbooks';
import { checkJson, conflictKeys, issuesOfRow, runInProcess } from './cliHarness';

describe('capacity-check options', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await makeTempDir();
  });
  afterAll(() => removeTempDir(dir));

  describe('--sheet', () => {
    it('checks the first sheet with an allocation table by default', async () => {
      const { report } = await checkJson([await buildTwoPlansWorkbook(dir)]);
      expect(report.sheet).toBe('Q1 plan');
      expect(conflictKeys(report)).toEqual(['2+3@2026-01-10..2026-01-15']);
    });

    it('checks the named sheet instead', async () => {
      const { report } = await checkJson([await buildTwoPlansWorkbook(dir), '--sheet', 'Q2 plan']);
      expect(report.sheet).toBe('Q2 plan');
      expect(conflictKeys(report)).toEqual(['2+3@2026-04-05..2026-04-10']);
    });

    it('refuses a sheet that does not exist in one line naming the sheets there are', async () => {
      const run = await runInProcess([await buildTwoPlansWorkbook(dir), '--sheet', 'Q3 plan']);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(/^capacity-check: .*No sheet named "Q3 plan"; the sheets are "Q1 plan", "Q2 plan"\.\n$/);
    });
  });

  describe('--capacity-sheet', () => {
    it('uses a capacity sheet that is not recognised by its name or header alone', async () => {
      const input = await buildCapacityWorkbook(dir, 'reservations.xlsx', { capacitySheet: 'Q2 reservations', capacityStatusColumn: true });
      const without = await checkJson([input]);
      expect(without.report.capacitySheet).toBeNull();
      expect(conflictKeys(without.report)).toEqual(['2+3@2026-04-14..2026-04-27', '4+5@2026-04-10..2026-04-20']);

      const withCapacity = await checkJson([input, '--capacity-sheet', 'Q2 reservations']);
      expect(withCapacity.report.capacitySheet).toBe('Q2 reservations');
      expect(conflictKeys(withCapacity.report)).toEqual(['2+3@2026-04-14..2026-04-27', '6@2026-04-16..2026-04-20']);
      expect(withCapacity.report.conflicts[0]).toMatchObject({ capacityChips: 1024, excessChips: 512 });
    });

    it('refuses a capacity sheet that does not exist', async () => {
      const run = await runInProcess([await buildCapacityWorkbook(dir), '--capacity-sheet', 'Reserved']);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/^capacity-check: .*No sheet named "Reserved"[^\n]*\n$/);
    });
  });

  describe('--catalog', () => {
    it('makes a new provider and chip valid', async () => {
      const input = await buildNewProviderWorkbook(dir);
      const before = await checkJson([input]);
      expect(issuesOfRow(before.report, 2)).toEqual(['error:unknown-provider', 'error:unknown-silicon']);

      const catalog = path.join(dir, 'nebius.json');
      await fs.writeFile(catalog, JSON.stringify(NEBIUS_CATALOG));
      const after = await checkJson([input, '--catalog', catalog]);
      expect(after.report.issues).toEqual([]);
      expect(after.report.conflicts).toEqual([expect.objectContaining({ provider: 'Nebius', region: 'eu-north1', silicon: 'MI450', rows: [2, 3] })]);
      expect(after.code).toBe(1);
    });

    it.each([
      ['not JSON', '{ "providers": [ '],
      ['a provider without a name', JSON.stringify({ providers: [{ regions: ['eu-north1'] }] })],
      ['an unknown key', JSON.stringify({ clouds: [] })],
      ['an offering of a chip nobody defines', JSON.stringify({ providers: [{ name: 'Nebius', regions: ['eu-north1'], offerings: [{ silicon: 'Z9000' }] }] })],
    ])('refuses a catalog file holding %s in one clear line', async (_, text) => {
      const catalog = await writeTextFile(dir, 'broken.json', text);
      const run = await runInProcess([await buildNewProviderWorkbook(dir), '--json', '--catalog', catalog]);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr.startsWith(`capacity-check: --catalog ${catalog}`)).toBe(true);
      expect(run.stderr.split('\n')).toEqual([expect.stringMatching(/\S/), '']);
    });

    it('refuses a catalog file that does not exist', async () => {
      const run = await runInProcess([await buildNewProviderWorkbook(dir), '--catalog', path.join(dir, 'nope.json')]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/^capacity-check: cannot read the catalog .*nope\.json: no such file\n$/);
    });
  });

  describe('usage', () => {
    it('prints help and exits 0', async () => {
      const run = await runInProcess(['--help']);
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/^Usage: capacity-check/);
      expect(run.stdout).toContain('Exit codes');
    });

    it.each([
      [['--sheet'], "Option '--sheet <value>' argument missing"],
      [['a.xlsx', 'b.xlsx'], 'expected one workbook, got 2'],
      [['--json=yes'], "Option '--json' does not take an argument"],
    ])('refuses %j in one line', async (args, message) => {
      const run = await runInProcess(args);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr.split('\n')).toEqual([expect.stringContaining(message), '']);
    });

    it('refuses a folder given as the workbook', async () => {
      const run = await runInProcess([dir]);
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(`capacity-check: ${dir} is not a file\n`);
    });

    it('refuses a legacy or password-protected workbook with advice', async () => {
      const header = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]);
      const file = path.join(dir, 'locked.xlsx');
      await fs.writeFile(file, header);
      const run = await runInProcess([file]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/^capacity-check: .*password-protected workbook or an old \.xls file[^\n]*\n$/);
    });

    it('refuses a truncated workbook in one line', async () => {
      const whole = await fs.readFile(await buildTwoPlansWorkbook(dir, 'whole.xlsx'));
      const file = path.join(dir, 'truncated.xlsx');
      await fs.writeFile(file, whole.subarray(0, Math.floor(whole.length / 2)));
      const run = await runInProcess([file, '--json']);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(/^capacity-check: .*truncated\.xlsx is not a readable \.xlsx workbook: [^\n]+\n$/);
    });
  });
});
