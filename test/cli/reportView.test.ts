import * as path from 'node:path';
import { buildManyConflictsWorkbook, makeTempDir, removeTempDir } from '../fixtures/buildWorkbooks';
import { checkJson, runInProcess } from './cliHarness';

/** The lines from `title` to the next blank line. */
function section(output: string, title: string): string[] {
  const lines = output.split('\n');
  const start = lines.indexOf(title);
  if (start < 0) return [];
  const end = lines.indexOf('', start);
  return lines.slice(start, end < 0 ? undefined : end);
}

const headings = (lines: readonly string[]) => lines.filter((line) => /^ {2}\S/.test(line));

describe('capacity-check --group-by, --only, --limit', () => {
  let dir: string;
  let input: string;
  beforeAll(async () => {
    dir = await makeTempDir();
    input = await buildManyConflictsWorkbook(dir, 12, 5);
  });
  afterAll(() => removeTempDir(dir));

  it('groups the conflicts by lab, largest first, a conflict of two labs under both', async () => {
    const run = await runInProcess([input, '--as-of', '2026-04-01', '--group-by', 'lab']);
    expect(run.code).toBe(1);
    const lines = section(run.stdout, 'Conflicts by lab');
    expect(headings(lines)).toEqual(['  Lab A (12 conflicts)', '  Lab B (8 conflicts)', '  Lab C (4 conflicts)']);
    expect(lines.filter((line) => /^ {4}C-/.test(line))).toHaveLength(24);
    expect(run.stdout).toContain('Labs from');
    expect(run.stdout).toContain('12 conflicts · 5 errors · no warnings');
  });

  it('groups by silicon and by pool', async () => {
    const bySilicon = await runInProcess([input, '--group-by', 'silicon']);
    expect(headings(section(bySilicon.stdout, 'Conflicts by silicon'))).toEqual(['  Trainium2 (9 conflicts)', '  H100 SXM (3 conflicts)']);
    const byPool = await runInProcess([input, '--group-by', 'pool']);
    const pools = headings(section(byPool.stdout, 'Conflicts by pool'));
    expect(pools).toHaveLength(12);
    expect(pools[0]).toBe('  AWS us-east-1 H100 SXM block b-0 (1 conflict)');
  });

  it('stops after --limit conflicts and issue rows and says how many more there are', async () => {
    const run = await runInProcess([input, '--limit', '3']);
    const conflicts = section(run.stdout, 'Conflicts');
    expect(conflicts.filter((line) => /^ {2}C-/.test(line))).toHaveLength(3);
    expect(conflicts.at(-1)).toBe('  and 9 more conflicts');
    const issues = section(run.stdout, 'Issues');
    expect(issues.filter((line) => /^ {2}Row /.test(line))).toEqual(['  Row 26', '  Row 27', '  Row 28']);
    expect(issues.at(-1)).toBe('  and 2 more rows with issues');
  });

  it('with --group-by, counts the conflicts not printed under any heading', async () => {
    const run = await runInProcess([input, '--group-by', 'lab', '--limit', '3']);
    const lines = section(run.stdout, 'Conflicts by lab');
    expect(headings(lines)).toEqual(['  Lab A (12 conflicts)', '  and 9 more conflicts']);
  });

  it('prints no "more" line when everything fits', async () => {
    const run = await runInProcess([input, '--limit', '20']);
    expect(run.stdout).not.toContain('more conflict');
    expect(run.stdout).not.toContain('more row');
  });

  it.each([
    ['conflicts', true, false],
    ['errors', false, true],
    ['warnings', false, false],
  ])('--only %s keeps the lab table and the counts on top', async (part, conflicts, errors) => {
    const run = await runInProcess([input, '--only', part]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Labs from');
    expect(run.stdout).toContain('12 conflicts · 5 errors · no warnings');
    expect(run.stdout.includes('\nConflicts\n')).toBe(conflicts);
    expect(run.stdout.includes('\nErrors\n')).toBe(errors);
    expect(run.stdout).not.toContain('\nIssues\n');
  });

  it.each([
    [['--group-by', 'team'], '--group-by team: give one of lab, pool, silicon'],
    [['--only', 'notes'], '--only notes: give one of conflicts, errors, warnings'],
    [['--limit', '0'], '--limit 0: give a whole number from 1'],
    [['--limit', '2.5'], '--limit 2.5: give a whole number from 1'],
    [['--limit', 'ten'], '--limit ten: give a whole number from 1'],
  ])('refuses %j in one line with exit 2', async (args, problem) => {
    const run = await runInProcess([input, ...args]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`capacity-check: ${problem} (see --help)\n`);
  });

  it('leaves --json as it is', async () => {
    const plain = await checkJson([input, '--as-of', '2026-04-01']);
    const viewed = await checkJson([input, '--as-of', '2026-04-01', '--group-by', 'lab', '--only', 'errors', '--limit', '1']);
    expect(viewed.report).toEqual(plain.report);
  });

  it('--json gives each conflict its bookings with their facts and the row that gives way', async () => {
    const { report } = await checkJson([input]);
    const first = report.conflicts[0] as unknown as Record<string, unknown>;
    expect(first.rows).toEqual([2, 3]);
    expect(first.bookings).toEqual([
      { row: 2, id: 'BK-0', lab: 'Lab A', team: 'Pretraining', chips: 64, start: '2026-05-01', end: '2026-05-05', status: 'confirmed', priority: 'P0', owner: 'Ana Ruiz', booked: null },
      { row: 3, id: 'BK-1', lab: 'Lab B', team: 'Evals', chips: 32, start: '2026-05-01', end: '2026-05-05', status: 'tentative', priority: 'P2', owner: 'Ben Ode', booked: null },
    ]);
    expect(first.givesWay).toBe(3);
    expect(first.givesWay).toBe((first.stake as { givesWay: { row: number } }).givesWay.row);
  });

  it('--catalog naming a missing file gets one clear line and exit 2', async () => {
    const missing = path.join(dir, 'missing.json');
    const run = await runInProcess([input, '--catalog', missing]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`capacity-check: cannot read the catalog ${missing}: no such file\n`);
  });

  it('--catalog naming a folder gets one clear line and exit 2', async () => {
    const run = await runInProcess([input, '--catalog', dir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`capacity-check: cannot read the catalog ${dir}: it is a directory\n`);
  });
});
