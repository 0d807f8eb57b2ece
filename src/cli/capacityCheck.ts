#!/usr/bin/env node
import { constants as fsConstants, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { CalendarDay, Catalog, CatalogExtensionSchema, CheckReport, checkWorkbook, conflictCells, dayFromYmd, getDefaultCatalog, JsonSignals, signalsOf, summarize, toJsonPlan, toJsonReport } from '../core';
import { paintXlsx } from '../xlsx/paintXlsx';
import { readXlsxWorkbook, XlsxWorkbook } from '../xlsx/readXlsxWorkbook';
import { ReaderLimitExceeded, UnreadableArchive } from '../xlsx/zipArchive';
import { formatPlan } from './formatPlan';
import { COLOURS, formatReport, PLAIN } from './formatReport';
import { levelledCopy, planLevelling, thisRun } from './levelCopy';
import { htmlReport } from './htmlReport';
import { parseCliArgs, USAGE } from './parseCliArgs';

// Both from src/cli (tsx) and dist/cli (the compiled bin), the project root is two folders up.
export const SAMPLE_WORKBOOK = path.join(__dirname, '..', '..', 'assets', 'sample-capacity.xlsx');
const PACKAGE_JSON = path.join(__dirname, '..', '..', 'package.json');

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

/**
 * One run, step by step in the order a user sees them: options, files, the read, the check, the
 * signals, the plan, then what is written and printed. Long on purpose, so the order can be read in one place.
 */
async function check(argv: readonly string[], { stdout, stderr }: CliStreams): Promise<number> {
  const parsed = parseCliArgs(argv);
  if (!parsed.ok) throw new UnusableInput(`${parsed.problem} (see --help)`);
  const options = parsed.options;
  if (options.help) {
    stdout.write(`${USAGE}\n`);
    return EXIT_CLEAN;
  }
  if (options.version) {
    const { version } = JSON.parse(await fs.readFile(PACKAGE_JSON, 'utf8')) as { version: string };
    stdout.write(`capacity-check ${version}\n`);
    return EXIT_CLEAN;
  }
  const input = options.workbook ?? SAMPLE_WORKBOOK;
  const progress = stderr.isTTY && !options.json ? (text: string) => stderr.write(`\r\u001b[2K${text}`) : () => undefined;

  await requireReadableFile(input);
  if (options.write !== undefined) await requireWritableCopy(input, options.write, '--write', 'annotated.xlsx');
  if (options.report !== undefined) await requireWritableCopy(input, options.report, '--report', 'report.html');
  const catalog = options.catalog === undefined ? getDefaultCatalog() : await readCatalogFile(options.catalog);

  progress(`Reading ${path.basename(input)}…`);
  const workbook = await readWorkbookFile(input).finally(() => progress(''));
  progress('Checking…');
  const checkOptions = { catalog, sheet: options.sheet, table: options.table, capacitySheet: options.capacitySheet };
  const outcome = checkWorkbook(workbook.snapshot, checkOptions);
  progress('');
  if (!outcome.ok) throw new UnusableInput(`${input}: ${outcome.problem}`);
  const report = outcome.report;
  const plan = options.level === undefined ? undefined : planLevelling(workbook, report, options.level);
  // With a levelled copy written, the exit code speaks of that copy.
  let judged: CheckReport = report;
  const asOf = options.asOf ?? today();
  const withSignals: JsonSignals = { asOf, signals: signalsOf(report, { asOf }) };

  // The copy is written before the report is printed, so a failed write leaves no report behind it.
  if (options.write !== undefined) {
    progress('Writing the annotated copy…');
    let painted: Buffer;
    try {
      if (plan === undefined) painted = paintXlsx(workbook.archive, workbook.parts, report.allocation.sheetName, conflictCells(report));
      else {
        const levelled = levelledCopy(workbook, report, plan, checkOptions, thisRun());
        if (!levelled.ok) throw new UnusableInput(`cannot write the levelled copy of ${input}: ${levelled.problem}`);
        painted = levelled.bytes;
        judged = levelled.report;
      }
    } catch (error) {
      if (error instanceof UnreadableArchive) throw new UnusableInput(`cannot annotate ${input}: ${error.message}`);
      throw error;
    }
    await writeAtomically(painted, options.write).finally(() => progress(''));
  }
  const jsonPlan = plan === undefined ? undefined : toJsonPlan(report, plan);
  const source = options.workbook ?? 'sample workbook';
  const palette = stdout.isTTY && !process.env.NO_COLOR ? COLOURS : PLAIN;
  if (options.report !== undefined) await writeAtomically(Buffer.from(htmlReport(report, source, withSignals), 'utf8'), options.report);
  if (options.json) stdout.write(`${JSON.stringify({ ...toJsonReport(report, withSignals), ...(jsonPlan === undefined ? {} : { plan: jsonPlan }) }, null, 1)}\n`);
  else {
    stdout.write(`${formatReport(report, source, palette, withSignals, options.view)}\n`);
    if (jsonPlan !== undefined) stdout.write(`\n${formatPlan(report, jsonPlan, palette)}\n`);
  }
  if (options.write !== undefined && !options.json) {
    const left = summarize(judged);
    stdout.write(plan === undefined ? `Annotated copy: ${options.write}\n` : `Levelled copy: ${options.write} (${left.openConflicts} open conflicts, ${left.errors} errors)\n`);
  }
  if (options.report !== undefined && !options.json) stdout.write(`Report: ${options.report}\n`);

  return summarize(judged).needsAttention ? EXIT_FOUND : EXIT_CLEAN;
}

/** OLE2 compound files: legacy .xls, and .xlsx files saved with a password (Excel encrypts them into one). */
const COMPOUND_FILE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

async function readWorkbookFile(file: string): Promise<XlsxWorkbook> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(file);
  } catch (error) {
    throw new UnusableInput(`${file} cannot be read (${firstLine(error)})`);
  }
  if (bytes.subarray(0, 8).equals(COMPOUND_FILE_SIGNATURE)) {
    throw new UnusableInput(`${file} is a password-protected workbook or an old .xls file; save it as an .xlsx workbook without a password`);
  }
  try {
    return readXlsxWorkbook(bytes);
  } catch (error) {
    if (error instanceof ReaderLimitExceeded) throw new UnusableInput(`${file} is refused by the reader's limits: ${error.message}`);
    if (error instanceof UnreadableArchive) throw new UnusableInput(`${file} is not a readable .xlsx workbook: ${error.message}`);
    throw error;
  }
}

async function requireReadableFile(file: string): Promise<void> {
  const stat = await fs.stat(file).catch(() => undefined);
  if (stat === undefined) throw new UnusableInput(`${file}: no such file`);
  if (!stat.isFile()) throw new UnusableInput(`${file} is not a file`);
}

/** The user's calendar day: the signals' default as-of date. */
function today(): CalendarDay {
  const now = new Date();
  return dayFromYmd(now.getFullYear(), now.getMonth() + 1, now.getDate()) as CalendarDay;
}

/** Refuses, before any work, an output (`flag`'s file) that would overwrite the input or that cannot be written where asked. */
async function requireWritableCopy(input: string, output: string, flag: string, example: string): Promise<void> {
  // A copy that does not exist yet is compared through its folder's real path.
  const real = async (file: string) =>
    fs.realpath(file).catch(async () => path.join(await fs.realpath(path.dirname(file)).catch(() => path.resolve(path.dirname(file))), path.basename(file)));
  const [inputStat, outputStat] = await Promise.all([fs.stat(input), fs.stat(output).catch(() => undefined)]);
  const sameFile = outputStat !== undefined && outputStat.ino === inputStat.ino && outputStat.dev === inputStat.dev;
  if (sameFile || (await real(input)) === (await real(output))) {
    throw new UnusableInput(`${flag} ${output} is the input workbook; choose another file so the original stays untouched`);
  }
  if (outputStat?.isDirectory()) throw new UnusableInput(`${flag} ${output} is a directory; give a file name such as ${path.join(output, example)}`);
  const directory = path.dirname(path.resolve(output));
  const directoryStat = await fs.stat(directory).catch(() => undefined);
  if (directoryStat === undefined || !directoryStat.isDirectory()) throw new UnusableInput(`${flag} ${output}: the folder ${directory} does not exist`);
  await fs.access(directory, fsConstants.W_OK).catch(() => {
    throw new UnusableInput(`${flag} ${output}: the folder ${directory} is not writable`);
  });
}

async function readCatalogFile(file: string): Promise<Catalog> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException)?.code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : firstLine(error);
    throw new UnusableInput(`cannot read the catalog ${file}: ${reason}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new UnusableInput(`--catalog ${file} is not valid JSON (${firstLine(error)})`);
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
async function writeAtomically(bytes: Buffer, target: string): Promise<void> {
  const temporary = path.join(path.dirname(path.resolve(target)), `.${path.basename(target)}.${process.pid}.tmp`);
  try {
    await fs.writeFile(temporary, bytes);
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
  // A reader that stops early (`| head`) closes the pipe: the rest of the report is not wanted, and the
  // check (and a --write copy) still finishes with its own exit code.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') return;
    process.stderr.write(`capacity-check: cannot write the report (${firstLine(error)})\n`);
    process.exitCode = EXIT_UNUSABLE;
  });
  void runCapacityCheck(process.argv.slice(2)).then((code) => {
    process.exitCode = Math.max(code, Number(process.exitCode ?? 0));
  });
}
