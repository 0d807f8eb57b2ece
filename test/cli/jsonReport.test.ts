import {
  build1904Workbook, buildCapacityWorkbook, buildFormulasWorkbook, buildHeaderOnlyWorkbook, buildMessyCellsWorkbook,
  buildMissingColumnWorkbook, buildNoTableWorkbook, buildResolutionLogWorkbook, buildSynonymsWorkbook, buildTextDatesWorkbook,
  makeTempDir, removeTempDir, RTL_LAB, RTL_TEAM,
} from '../fixtures/buildWorkbooks';
import { checkJson, conflictKeys, issuesOfRow, JsonReport, runInProcess } from './cliHarness';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Every field of the documented --json shape, with its type; returns what is wrong, so failures show it. */
function shapeProblems(report: JsonReport): string[] {
  const problems: string[] = [];
  const expectType = (where: string, value: unknown, ...types: string[]) => {
    const actual = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
    if (!types.includes(actual)) problems.push(`${where} is ${actual}, expected ${types.join(' or ')}`);
  };
  expectType('rows', report.rows, 'number');
  expectType('issues', report.issues, 'array');
  expectType('conflicts', report.conflicts, 'array');
  report.issues.forEach((issue, i) => {
    expectType(`issues[${i}].row`, issue.row, 'number');
    expectType(`issues[${i}].column`, issue.column, 'string');
    expectType(`issues[${i}].cell`, issue.cell, 'string', 'null');
    if (issue.severity !== 'error' && issue.severity !== 'warning') problems.push(`issues[${i}].severity is ${issue.severity}`);
    expectType(`issues[${i}].code`, issue.code, 'string');
    expectType(`issues[${i}].message`, issue.message, 'string');
    if ('suggestion' in issue) expectType(`issues[${i}].suggestion`, issue.suggestion, 'string');
  });
  report.conflicts.forEach((conflict, i) => {
    for (const key of ['id', 'provider', 'region', 'silicon', 'block'] as const) expectType(`conflicts[${i}].${key}`, conflict[key], 'string');
    for (const key of ['start', 'end'] as const) if (!ISO_DAY.test(conflict[key])) problems.push(`conflicts[${i}].${key} is ${conflict[key]}`);
    expectType(`conflicts[${i}].rows`, conflict.rows, 'array');
    if (!conflict.rows.every(Number.isInteger)) problems.push(`conflicts[${i}].rows holds ${conflict.rows}`);
    for (const key of ['bookedChips', 'capacityChips', 'excessChips'] as const) expectType(`conflicts[${i}].${key}`, conflict[key], 'number', 'null');
    expectType(`conflicts[${i}].accepted`, conflict.accepted, 'boolean');
  });
  return problems;
}

describe('capacity-check --json', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await makeTempDir();
  });
  afterAll(() => removeTempDir(dir));

  it('prints exactly one JSON object of the documented shape, and nothing on stderr', async () => {
    const run = await runInProcess([await buildTextDatesWorkbook(dir), '--json']);
    expect(run.stderr).toBe('');
    expect(run.stdout.endsWith('}\n')).toBe(true);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(shapeProblems(report)).toEqual([]);
    expect(report.issues.length).toBeGreaterThan(0);
    expect(report.conflicts.length).toBeGreaterThan(0);
  });

  describe('with synonym headers under a merged title, after a notes sheet', () => {
    it('finds the table and its conflicts; End is inclusive and a zone is its region', async () => {
      const { code, report } = await checkJson([await buildSynonymsWorkbook(dir)]);
      expect(code).toBe(1);
      expect(report.sheet).toBe('Plan Q2');
      expect(report.rows).toBe(7);
      expect(conflictKeys(report)).toEqual(['4+5@2026-04-14..2026-04-27', '6+7@2026-04-20..2026-04-20']);
      const incident = report.conflicts.find((conflict) => conflict.rows[0] === 4);
      expect(incident).toMatchObject({ provider: 'AWS', region: 'us-east-2', silicon: 'Trainium2', block: '', bookedChips: 1536, capacityChips: null, excessChips: null, accepted: false });
      expect(report.issues).toEqual([]);
    });
  });

  describe('with dates typed as text', () => {
    it('reads every unambiguous form and lands conflicts on the true days', async () => {
      const { report } = await checkJson([await buildTextDatesWorkbook(dir)]);
      expect(conflictKeys(report)).toEqual(['2+3@2026-04-20..2026-04-20', '4+5@2026-04-30..2026-04-30', '6+7@2026-04-28..2026-04-28']);
      for (const row of [2, 3, 4, 5, 6, 7, 9]) expect(issuesOfRow(report, row)).toEqual([]);
    });

    it('reports ambiguous, impossible, two-digit-year and non-dates, and never guesses', async () => {
      const { code, report } = await checkJson([await buildTextDatesWorkbook(dir)]);
      expect(code).toBe(1);
      expect(issuesOfRow(report, 8)).toEqual(['error:invalid-date']);
      expect(report.issues.find((issue) => issue.row === 8)?.message).toContain('04/05/2026');
      expect(report.issues.find((issue) => issue.row === 8)?.cell).toBe('F8');
      expect(issuesOfRow(report, 10)).toEqual(['error:invalid-date']);
      expect(issuesOfRow(report, 11)).toEqual(['error:invalid-date']);
      expect(report.issues.find((issue) => issue.row === 11)?.suggestion).toBe('2026-04-14');
      expect(issuesOfRow(report, 12)).toEqual(['error:invalid-date']);
      expect(issuesOfRow(report, 13)).toEqual(['error:end-before-start']);
      // The ambiguous row takes no part: row 9 holds all of April on the same block, alone.
      expect(report.conflicts.flatMap((conflict) => conflict.rows)).not.toContain(9);
    });
  });

  describe('with the 1904 date system', () => {
    it('puts conflicts on the true calendar days, for date cells and plain serials alike', async () => {
      const { report } = await checkJson([await build1904Workbook(dir)]);
      expect(conflictKeys(report)).toEqual(['2+3@2026-04-20..2026-04-27', '4+5@2026-06-10..2026-06-10']);
      expect(report.issues).toEqual([]);
    });
  });

  describe('with formulas and error values', () => {
    it('uses cached results and reports error values on their cells', async () => {
      const { report } = await checkJson([await buildFormulasWorkbook(dir)]);
      expect(conflictKeys(report)).toEqual(['2+3+5@2026-04-20..2026-04-27', '8+9@2026-05-03..2026-05-03']);
      expect(report.conflicts.find((conflict) => conflict.rows[0] === 2)?.bookedChips).toBe(512 + 256);
      const errorCells = report.issues.filter((issue) => issue.severity === 'error').map((issue) => `${issue.cell}:${issue.code}`);
      expect(errorCells).toEqual(expect.arrayContaining(['E4:invalid-date', 'D5:invalid-chips', 'F6:invalid-date']));
      expect(report.issues.find((issue) => issue.cell === 'E4')?.message).toContain('#REF!');
      expect(report.issues.find((issue) => issue.cell === 'D5')?.message).toContain('#N/A');
      expect(report.issues.some((issue) => issue.cell === 'C6' && issue.severity === 'error')).toBe(true);
      expect(report.issues.some((issue) => issue.cell === 'E7' && issue.severity === 'error')).toBe(true);
      for (const row of [2, 3, 8, 9]) expect(issuesOfRow(report, row)).toEqual([]);
    });
  });

  describe('with a hidden row, counts typed as text, unicode, right-to-left names and a 100,000-character note', () => {
    it('checks hidden rows, reads "1,024" as 1024 and keeps names intact', async () => {
      const { code, report } = await checkJson([await buildMessyCellsWorkbook(dir)]);
      expect(code).toBe(1);
      expect(report.rows).toBe(4);
      expect(conflictKeys(report)).toEqual(['4+5@2026-04-20..2026-04-27']);
      expect(report.conflicts[0].bookedChips).toBe(1536);
      expect(report.issues).toEqual([]);
    });

    it('names the right-to-left labs and teams in the readable report', async () => {
      const run = await runInProcess([await buildMessyCellsWorkbook(dir)]);
      expect(run.stdout).toContain(`row 4: ${RTL_LAB}`);
      expect(run.stdout).toContain(RTL_TEAM);
    });
  });

  describe('with a header and no rows', () => {
    it('reports nothing and exits 0', async () => {
      const { code, report } = await checkJson([await buildHeaderOnlyWorkbook(dir)]);
      expect(code).toBe(0);
      expect(report).toMatchObject({ rows: 0, issues: [], conflicts: [] });
    });
  });

  describe('with a required column missing', () => {
    it('reports missing-column on the header row and exits 1', async () => {
      const { code, report } = await checkJson([await buildMissingColumnWorkbook(dir)]);
      expect(code).toBe(1);
      expect(report.issues).toEqual([expect.objectContaining({ row: 1, column: 'End', cell: null, severity: 'error', code: 'missing-column' })]);
      expect(report.conflicts).toEqual([]);
    });
  });

  describe('with no allocation table anywhere', () => {
    it('says so in one line and exits 2', async () => {
      const run = await runInProcess([await buildNoTableWorkbook(dir), '--json']);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(/^capacity-check: .*No allocation table.*"Notes".*\n$/);
    });
  });

  describe('with a Capacity sheet', () => {
    it('counts a day as over-booked only when demand exceeds the chips reserved', async () => {
      const { code, report } = await checkJson([await buildCapacityWorkbook(dir)]);
      expect(code).toBe(1);
      expect(report.capacitySheet).toBe('Capacity');
      expect(conflictKeys(report)).toEqual(['2+3@2026-04-14..2026-04-27', '6@2026-04-16..2026-04-20']);
      expect(report.conflicts.find((conflict) => conflict.rows[0] === 2)).toMatchObject({ block: 'cb-07', bookedChips: 1536, capacityChips: 1024, excessChips: 512 });
      expect(report.conflicts.find((conflict) => conflict.rows[0] === 6)).toMatchObject({ bookedChips: 1024, capacityChips: 512, excessChips: 512 });
      expect(issuesOfRow(report, 7)).toEqual(['warning:unreserved']);
    });
  });

  describe('with a resolution log', () => {
    it("marks a conflict accepted by an 'accept' row, keeps it in the report, and exits 0 when nothing else is open", async () => {
      const first = await checkJson([await buildResolutionLogWorkbook(dir, [], 'log-none.xlsx')]);
      expect(first.report.conflicts).toHaveLength(2);
      const [trainium, tpu] = first.report.conflicts;
      const oneAccepted = await checkJson([await buildResolutionLogWorkbook(dir, [{ conflict: trainium.id, action: 'accept', reason: 'Lab C runs at night' }], 'log-one.xlsx')]);
      expect(oneAccepted.code).toBe(1);
      expect(oneAccepted.report.conflicts.map((conflict) => [conflict.id, conflict.accepted])).toEqual([[trainium.id, true], [tpu.id, false]]);
      expect(oneAccepted.report.conflicts[0].acceptedReason).toBe('Lab C runs at night');
      expect(oneAccepted.report.summary).toMatchObject({ conflicts: 1, acceptedConflicts: 1 });
      const bothAccepted = await checkJson([
        await buildResolutionLogWorkbook(dir, [{ conflict: trainium.id, action: 'accept', reason: 'ok' }, { conflict: tpu.id, action: 'accept', reason: 'ok' }], 'log-both.xlsx'),
      ]);
      expect(bothAccepted.code).toBe(0);
      expect(bothAccepted.report.conflicts.every((conflict) => conflict.accepted)).toBe(true);
    });

    it("lets a later 'undo accept' reopen the conflict", async () => {
      const { report: plain } = await checkJson([await buildResolutionLogWorkbook(dir, [], 'log-plain.xlsx')]);
      const id = plain.conflicts[0].id;
      const { code, report } = await checkJson([
        await buildResolutionLogWorkbook(dir, [{ conflict: id, action: 'accept', reason: 'ok' }, { conflict: id, action: 'undo accept' }], 'log-undone.xlsx'),
      ]);
      expect(code).toBe(1);
      expect(report.conflicts.find((conflict) => conflict.id === id)?.accepted).toBe(false);
    });
  });
});
