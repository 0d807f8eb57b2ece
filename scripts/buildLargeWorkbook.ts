/**
 * Writes a large capacity workbook for measuring the CLI's time and memory (not a test):
 *
 *   npx tsx scripts/buildLargeWorkbook.ts 200000 /tmp/large.xlsx
 *   /usr/bin/time -v node --import tsx src/cli/capacityCheck.ts /tmp/large.xlsx --json > /dev/null
 */
import * as path from 'node:path';
import { buildLargeWorkbook } from '../test/fixtures/buildWorkbooks';

async function main(): Promise<void> {
  const rows = Number(process.argv[2] ?? 200_000);
  const target = path.resolve(process.argv[3] ?? `large-${rows}.xlsx`);
  if (!Number.isSafeInteger(rows) || rows < 0) throw new Error(`row count must be a whole number, not ${process.argv[2]}`);
  const built = await buildLargeWorkbook(path.dirname(target), rows, path.basename(target));
  process.stdout.write(`Wrote ${built.path}: ${built.rows} bookings, ${built.conflicts} conflicts\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`buildLargeWorkbook: ${(error as Error).message}\n`);
  process.exitCode = 1;
});
