import { buildCapacityWorkbook, buildResolutionLogWorkbook, buildSynonymsWorkbook, buildTextDatesWorkbook, makeTempDir, removeTempDir } from '../fixtures/buildWorkbooks';
import { checkJson, runInProcess } from './cliHarness';

/** The lines of a conflict's paragraph: its heading line and the indented lines under it. */
function paragraphOf(output: string, headingPart: string): string[] {
  const lines = output.split('\n');
  const start = lines.findIndex((line) => line.includes(headingPart));
  if (start < 0) return [];
  const end = lines.findIndex((line, index) => index > start && !line.startsWith('    '));
  return lines.slice(start, end < 0 ? undefined : end);
}

describe('capacity-check readable report', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await makeTempDir();
  });
  afterAll(() => removeTempDir(dir));

  it('names each conflict by pool and dates, with its rows, labs and teams', async () => {
    const input = await buildSynonymsWorkbook(dir);
    const run = await runInProcess([input]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    const lines = run.stdout.split('\n');
    const heading = lines.indexOf(`${input}: "Plan Q2", 7 bookings checked`);
    expect(heading).toBeGreaterThan(0);
    expect(lines[heading + 1]).toBe('2 conflicts · no errors · no warnings');
    expect(paragraphOf(run.stdout, 'AWS us-east-2 Trainium2')).toEqual([
      expect.stringMatching(/^ {2}C-\w+ AWS us-east-2 Trainium2: 14 Apr 2026 – 27 Apr 2026 \(14 days\)$/),
      '    row 4: Lab A / Pretrain — pre-training · confirmed · 1,024 chips',
      '    row 5: Lab C / Sprint — fine-tuning · confirmed · 512 chips',
      '    1,536 chips booked on the busiest day',
      // 512 chips beyond the larger booking on each of 14 days; the later row gives way.
      '    172,032 chip-hours at stake (7,168 excess chip-days), unpriced; row 5 (Lab C) gives way',
    ]);
    expect(paragraphOf(run.stdout, 'TPU v5p')[0]).toMatch(/Google Cloud us-central1 TPU v5p: 20 Apr 2026 \(1 day\)$/);
  });

  it('says how far a conflict is over the capacity reserved', async () => {
    const run = await runInProcess([await buildCapacityWorkbook(dir)]);
    expect(run.stdout).toContain('against capacity in "Capacity"');
    expect(paragraphOf(run.stdout, 'block cb-07')).toEqual([
      expect.stringMatching(/AWS us-east-2 Trainium2 block cb-07: 14 Apr 2026 – 27 Apr 2026 \(14 days\)$/),
      '    row 2: Lab A / Pretraining — 1,024 chips',
      '    row 3: Lab C / Fine-tuning — 512 chips',
      '    512 chips over the 1,024 reserved',
      '    172,032 chip-hours at stake (7,168 excess chip-days), unpriced; row 3 (Lab C) gives way',
    ]);
  });

  it('lists accepted conflicts apart from the open ones, with their reason, and counts them apart', async () => {
    const { report } = await checkJson([await buildResolutionLogWorkbook(dir, [], 'log-none.xlsx')]);
    const trainium = report.conflicts.find((conflict) => conflict.silicon === 'Trainium2');
    const run = await runInProcess([await buildResolutionLogWorkbook(dir, [{ conflict: trainium?.id ?? '', action: 'accept', reason: 'both leads agree' }])]);
    const lines = run.stdout.split('\n');
    expect(lines[lines.findIndex((line) => line.includes('bookings checked')) + 1]).toBe('1 conflict · 1 accepted · no errors · no warnings');
    const open = lines.indexOf('Conflicts');
    const accepted = lines.indexOf('Accepted conflicts');
    expect(open).toBeGreaterThan(0);
    expect(accepted).toBeGreaterThan(open);
    expect(lines.slice(open + 1, accepted).filter((line) => line.startsWith('  C-'))).toEqual([expect.stringContaining('Google Cloud us-east5 TPU v6e')]);
    expect(lines[accepted + 1]).toMatch(/^ {2}C-\w+ AWS us-east-2 Trainium2: 14 Apr 2026 – 27 Apr 2026 \(14 days\) \(accepted by lead@lab-a\.example on 2026-03-10 09:00: both leads agree\)$/);
  });

  it('groups issues under their row, in row order, with cell and code', async () => {
    const run = await runInProcess([await buildTextDatesWorkbook(dir)]);
    const issues = run.stdout.slice(run.stdout.indexOf('\nIssues\n') + 1).split('\n');
    expect(issues.slice(0, 5)).toEqual([
      'Issues',
      '  Row 8',
      expect.stringMatching(/^ {4}error +F8 +invalid-date: Start "04\/05\/2026" could be 4 May 2026 or 5 Apr 2026/),
      '  Row 10',
      expect.stringMatching(/^ {4}error +F10 +invalid-date: /),
    ]);
    expect(issues.filter((line) => line.startsWith('  Row '))).toEqual(['  Row 8', '  Row 10', '  Row 11', '  Row 12', '  Row 13']);
  });

  it('prints no colour codes when stdout is not a terminal', async () => {
    const run = await runInProcess([await buildTextDatesWorkbook(dir)]);
    expect(run.stdout).not.toContain('\u001b[');
  });
});
