#!/usr/bin/env node
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { Catalog } from '../core/catalog';
import { CatalogExtensionSchema } from '../core/catalogSchema';
import { checkWorkbook, getDefaultCatalog } from '../core/checkWorkbook';
import { toJsonReport } from '../core/jsonReport';
import { conflictCells } from '../core/paintTargets';
import { paintCells } from '../xlsx/paintCells';
import { snapshotFromExcelJs } from '../xlsx/snapshotFromExcelJs';
import { COLOURS, formatReport, PLAIN } from './formatReport';
import { parseCliArgs, USAGE } from './parseCliArgs';

export const SAMPLE_WORKBOOK = path.join(__dirname, '..', '..', 'assets', 'sample-capacity.xlsx');

export const EXIT_CLEAN = 0;
export const EXIT_FOUND = 1;
export const EXIT_UNUSABLE = 2;

export interface CliStreams {
  readonly stdout: Pick<NodeJS.WriteStream, 'write' | 'isTTY'>;
  readonly stderr: Pick<NodeJS.WriteStream, 'write' | 'isTTY'>;
}

/** A reason the check cannot run, shown as one line with exit code 2. */
class UnusableInput extends Error {}

/** Runs the checker; resolves to the exit code. Never throws for anything a user can pass. */
export async function runCapacityCheck(argv: readonly string[], streams: CliStreams = process): Promise<number> {
  try {
    return await check(argv, streams);
  } catch (error) {
    const message = error instanceof UnusableInput ? error.message : `unexpected failure: ${(error as Error).message?.split('\n')[0] ?? String(error)}`;
    streams.stderr.write(`capacity-check: ${message}\n`);
    return EXIT_UNUSABLE;
  }
}

async function check(argv: readonly string[], { stdout, stderr }: CliStreams): Promise<number> {
  const parsed = parseCliArgs(argv);
  if (!parsed.ok) throw new UnusableInput(`${parsed.problem} (see --help)`);
  const options = parsed.options;
  if (options.help) {
    stdout.write(`${USAGE}\n`);
    return EXIT_CLEAN;
  }
  const input = options.workbook ?? SAMPLE_WORKBOOK;
  const progress = stderr.isTTY && !options.json ? (text: string) => stderr.write(`\r\u001b[2K${text}`) : () => undefined;

  await requireReadableFile(input);
  if (options.write !== undefined) await requireDifferentOutput(input, options.write);
  const catalog = options.catalog === undefined ? getDefaultCatalog() : await readCatalogFile(options.catalog);

  progress(`Reading ${path.basename(input)}…`);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(input);
  } catch (error) {
    progress('');
    throw new UnusableInput(`${input} is not a readable .xlsx workbook (${firstLine(error)})`);
  }
  progress('Checking…');
  const outcome = checkWorkbook(snapshotFromExcelJs(workbook), { catalog, sheet: options.sheet, capacitySheet: options.capacitySheet });
  progress('');
  if (!outcome.ok) throw new UnusableInput(`${input}: ${outcome.problem}`);
  const report = outcome.report;

  if (options.json) stdout.write(`${JSON.stringify(toJsonReport(report), null, 1)}\n`);
  else stdout.write(`${formatReport(report, options.workbook ?? 'sample workbook', stdout.isTTY && !process.env.NO_COLOR ? COLOURS : PLAIN)}\n`);

  if (options.write !== undefined) {
    const worksheet = workbook.getWorksheet(report.allocation.sheetName);
    if (worksheet === undefined) throw new Error(`sheet ${report.allocation.sheetName} vanished`);
    paintCells(worksheet, conflictCells(report));
    await writeAtomically(workbook, options.write);
    if (!options.json) stdout.write(`Annotated copy: ${options.write}\n`);
  }
  const errors = report.issues.some((issue) => issue.severity === 'error');
  const conflicts = report.conflicts.some((conflict) => !conflict.accepted);
  return errors || conflicts ? EXIT_FOUND : EXIT_CLEAN;
}

async function requireReadableFile(file: string): Promise<void> {
  const stat = await fs.stat(file).catch(() => undefined);
  if (stat === undefined) throw new UnusableInput(`${file}: no such file`);
  if (!stat.isFile()) throw new UnusableInput(`${file} is not a file`);
}

async function requireDifferentOutput(input: string, output: string): Promise<void> {
  const real = async (file: string) => fs.realpath(file).catch(() => path.resolve(file));
  if ((await real(input)) === (await real(output))) {
    throw new UnusableInput(`--write ${output} is the input workbook; choose another file so the original stays untouched`);
  }
}

async function readCatalogFile(file: string): Promise<Catalog> {
  let data: unknown;
  try {
    data = JSON.parse(await fs.readFile(file, 'utf8'));
  } catch (error) {
    throw new UnusableInput(`--catalog ${file}: ${firstLine(error)}`);
  }
  const extension = CatalogExtensionSchema.safeParse(data);
  if (!extension.success) {
    const problems = extension.error.issues.map((issue) => `${issue.path.join('.') || '(top)'}: ${issue.message}`);
    throw new UnusableInput(`--catalog ${file}: ${problems.join('; ')}`);
  }
  const extended = getDefaultCatalog().safeExtend(extension.data);
  if (!extended.ok) throw new UnusableInput(`--catalog ${file}: ${extended.problems.join('; ')}`);
  return extended.catalog;
}

/** Writes beside the target and renames, so a failed write never leaves half a file under the user's name. */
async function writeAtomically(workbook: ExcelJS.Workbook, target: string): Promise<void> {
  const temporary = path.join(path.dirname(path.resolve(target)), `.${path.basename(target)}.${process.pid}.tmp`);
  try {
    await workbook.xlsx.writeFile(temporary);
    await fs.rename(temporary, target);
  } catch (error) {
    await fs.rm(temporary, { force: true });
    throw new UnusableInput(`cannot write ${target} (${firstLine(error)})`);
  }
}

function firstLine(error: unknown): string {
  return String((error as Error)?.message ?? error).split('\n')[0];
}

if (require.main === module) {
  void runCapacityCheck(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
