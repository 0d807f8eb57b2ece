import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { buildSampleBytes, SAMPLE_PATH } from '../../scripts/generateSample';
import { SAMPLE_WORKBOOK } from '../../src/cli/capacityCheck';
import { checkJson, JsonReport } from './cliHarness';

describe('the bundled sample workbook', () => {
  let report: JsonReport;
  let code: number;
  beforeAll(async () => {
    ({ report, code } = await checkJson([]));
  });

  it('is the one the CLI checks when no workbook is given', () => {
    expect(SAMPLE_WORKBOOK).toBe(SAMPLE_PATH);
  });

  it('is what scripts/generateSample.ts writes (run `npm run sample` after changing either)', async () => {
    const hash = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
    expect(hash(await buildSampleBytes())).toBe(hash(await fs.readFile(SAMPLE_PATH)));
  });

  it('holds a few hundred bookings against a Capacity sheet', () => {
    expect(code).toBe(1);
    expect(report).toMatchObject({ sheet: 'Allocations', capacitySheet: 'Capacity' });
    expect(report.rows).toBeGreaterThanOrEqual(200);
  });

  it('shows the motivating incident: two labs on one two-week Trainium2 block', () => {
    const incident = report.conflicts.find((conflict) => conflict.silicon === 'Trainium2');
    expect(incident).toMatchObject({
      provider: 'AWS', region: 'us-east-2', block: 'trn2-use2-cb-07', start: '2026-04-14', end: '2026-04-27',
      bookedChips: 1536, capacityChips: 1024, excessChips: 512, accepted: false,
    });
    expect(incident?.rows).toHaveLength(2);
  });

  it('lets a lead resolve the incident by bumping the fine-tuning sprint into the block’s extension', async () => {
    const { readXlsxWorkbook } = await import('../../src/xlsx/readXlsxWorkbook');
    const { checkWorkbook } = await import('../../src/core');
    const { suggestionsFor } = await import('../../src/core');
    const { describeResolution } = await import('../../src/core');
    const outcome = checkWorkbook(readXlsxWorkbook(await fs.readFile(SAMPLE_PATH)).snapshot);
    if (!outcome.ok) throw new Error(outcome.problem);
    const incident = outcome.report.conflicts.find((conflict) => conflict.pool.silicon === 'Trainium2')!;
    const [best] = suggestionsFor(outcome.report, incident).shifts;
    expect(describeResolution(outcome.report, best)).toBe('Shift Lab C / Fine-tuning by +14 days (28 Apr – 11 May 2026)');
  });

  it('keeps the bulk of its rows conflict-free, with one conflict accepted in its resolution log', () => {
    const rowsInConflicts = new Set(report.conflicts.flatMap((conflict) => conflict.rows));
    expect(report.conflicts.length).toBeLessThanOrEqual(6);
    expect(rowsInConflicts.size).toBeLessThan(report.rows / 10);
    expect(report.summary.acceptedConflicts).toBe(1);
  });

  it('has typos the check catches, with suggestions', () => {
    const suggestions = report.issues.filter((issue) => issue.suggestion !== undefined).map((issue) => `${issue.code}:${issue.suggestion}`);
    expect(suggestions).toEqual(expect.arrayContaining(['unknown-silicon:Trainium2', 'unknown-provider:Google Cloud', 'unknown-region:us-central1']));
    expect(report.issues.some((issue) => issue.code === 'invalid-date' && issue.message.includes('04/05/2026'))).toBe(true);
  });
});
