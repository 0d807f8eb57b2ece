import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { buildHeaderOnlyWorkbook, buildLargeWorkbook, buildSynonymsWorkbook, makeTempDir, removeTempDir, writeTextFile } from '../fixtures/buildWorkbooks';
import { CLI_ENTRY, CliRun, JsonReport, PROJECT_ROOT, runSubprocess, TSX_LOADER } from './cliHarness';

const STACK_LINE = /^\s+at .+:\d+/m;

/** Exactly one line on stderr, nothing on stdout, exit 2, no stack trace. */
function expectOneLineRefusal(run: CliRun): void {
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr).toMatch(/^capacity-check: [^\n]+\n$/);
  expect(run.stderr).not.toMatch(STACK_LINE);
}

describe('capacity-check run as a program', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await makeTempDir();
  });
  afterAll(() => removeTempDir(dir));

  describe('when the workbook has conflicts', () => {
    it('exits 1 and prints exactly one JSON object with --json', async () => {
      const run = await runSubprocess([await buildSynonymsWorkbook(dir), '--json']);
      expect(run.code).toBe(1);
      expect(run.stderr).toBe('');
      const report = JSON.parse(run.stdout) as JsonReport;
      expect(report.conflicts.map((conflict) => conflict.rows)).toEqual([[4, 5], [6, 7]]);
    });
  });

  describe('when the reader of its output stops early, as `| head -1` does', () => {
    it('stops writing without a stack trace, still writes the --write copy, and exits with the check\'s code', async () => {
      const { path: file } = await buildLargeWorkbook(dir, 20_000);
      const copy = path.join(dir, 'piped-annotated.xlsx');
      const errors = path.join(dir, 'piped-stderr.txt');
      const command = `"${process.execPath}" --import "${TSX_LOADER}" "${CLI_ENTRY}" "${file}" --write "${copy}" 2>"${errors}" | head -1; exit \${PIPESTATUS[0]}`;
      const run = await new Promise<CliRun>((resolve) => {
        execFile('bash', ['-c', command], { cwd: PROJECT_ROOT, env: { ...process.env, NO_COLOR: '1' } }, (error, stdout, stderr) => {
          resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1, stdout, stderr });
        });
      });
      const stderr = readFileSync(errors, 'utf8');
      expect(run.stdout).toMatch(/^Labs from [^\n]+\n$/);
      expect(stderr).not.toMatch(STACK_LINE);
      expect(stderr).not.toContain('EPIPE');
      expect(run.code).toBe(1);
      expect(existsSync(copy)).toBe(true);
    });
  });

  describe('when the workbook is clean', () => {
    it('exits 0 with a readable summary', async () => {
      const run = await runSubprocess([await buildHeaderOnlyWorkbook(dir)]);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('no conflicts · no errors · no warnings');
      expect(run.stderr).toBe('');
    });
  });

  describe('when no workbook is given', () => {
    it('checks the bundled sample, from any working directory', async () => {
      const run = await runSubprocess(['--json'], dir);
      expect(run.code).toBe(1);
      const report = JSON.parse(run.stdout) as JsonReport;
      expect(report.sheet).toBe('Allocations');
      expect(report.capacitySheet).toBe('Capacity');
      expect(report.conflicts.some((conflict) => conflict.silicon === 'Trainium2' && conflict.start === '2026-04-14' && conflict.end === '2026-04-27')).toBe(true);
    });
  });

  describe('when the input is unusable', () => {
    it('refuses a missing file in one line', async () => {
      const run = await runSubprocess([path.join(dir, 'missing.xlsx'), '--json']);
      expectOneLineRefusal(run);
      expect(run.stderr).toContain('missing.xlsx: no such file');
    });

    it('refuses a file that is not a workbook in one line', async () => {
      const run = await runSubprocess([await writeTextFile(dir, 'plan.xlsx', 'Provider,Region,Silicon\nAWS,us-east-1,H100\n'), '--json']);
      expectOneLineRefusal(run);
      expect(run.stderr).toContain('is not a readable .xlsx workbook');
    });

    it('refuses an unknown option in one line', async () => {
      const run = await runSubprocess(['--colour']);
      expectOneLineRefusal(run);
      expect(run.stderr).toBe("capacity-check: Unknown option '--colour' (see --help)\n");
    });
  });

  describe('--version', () => {
    const { version } = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string };

    it("prints the package's version and exits 0", async () => {
      const run = await runSubprocess(['--version']);
      expect(run).toEqual({ code: 0, stdout: `capacity-check ${version}\n`, stderr: '' });
    });

    it('prints the same from the compiled bin that npm ci builds', async () => {
      const run = await new Promise<CliRun>((resolve) => {
        execFile(process.execPath, [path.join(PROJECT_ROOT, 'dist', 'cli', 'capacityCheck.js'), '-V'], (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }));
      });
      expect(run).toEqual({ code: 0, stdout: `capacity-check ${version}\n`, stderr: '' });
    });
  });
});
