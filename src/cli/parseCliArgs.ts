import { parseArgs } from 'node:util';
import { CalendarDay, parseIsoDay } from '../core';

export interface CliOptions {
  readonly workbook?: string;
  readonly json: boolean;
  readonly write?: string;
  readonly sheet?: string;
  readonly table?: string;
  readonly capacitySheet?: string;
  readonly catalog?: string;
  /** The day the signals count from; undefined for today. */
  readonly asOf?: CalendarDay;
  /** Where to write the HTML report. */
  readonly report?: string;
  readonly help: boolean;
  readonly version: boolean;
}

export const USAGE = `Usage: capacity-check [workbook.xlsx] [--json] [--write annotated.xlsx] [--sheet NAME]
                      [--table NAME] [--capacity-sheet NAME] [--catalog catalog.json]
                      [--as-of YYYY-MM-DD] [--report report.html]

Checks a capacity workbook: validates every booking and finds double-booked capacity.
Starts with each lab's booked chip-days, reallocation velocity, locked chip-days and
exposure, and the pools' over-booked weeks. With no workbook, checks the bundled sample.

  --json                 print one JSON report on stdout
  --write FILE           save a copy with double-booked cells filled yellow
  --sheet NAME           the allocation sheet (default: the first with the required columns)
  --table NAME           the Excel table holding the bookings (default: the first with the required columns)
  --capacity-sheet NAME  the Capacity sheet (default: a sheet named Capacity, if any)
  --catalog FILE         JSON file adding providers, regions, silicon and prices to the catalog
  --as-of YYYY-MM-DD     count the labs' chip-days and the pools' weeks from this day (default: today)
  --report FILE          also write one self-contained HTML report: a heatmap of pools by week,
                         the lab table and the conflicts with what each puts at stake
  -h, --help             show this help
  -V, --version          show the version

Exit codes: 0 no errors or conflicts, 1 errors or conflicts found, 2 bad usage or unreadable file.`;

/** Command-line options, or a one-line reason they are unusable. */
export function parseCliArgs(argv: readonly string[]): { ok: true; options: CliOptions } | { ok: false; problem: string } {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        json: { type: 'boolean', default: false },
        write: { type: 'string' },
        sheet: { type: 'string' },
        table: { type: 'string' },
        'capacity-sheet': { type: 'string' },
        catalog: { type: 'string' },
        'as-of': { type: 'string' },
        report: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'V', default: false },
      },
    });
    if (positionals.length > 1) return { ok: false, problem: `expected one workbook, got ${positionals.length}: ${positionals.join(' ')}` };
    const asOf = values['as-of'] === undefined ? undefined : parseIsoDay(values['as-of']);
    if (values['as-of'] !== undefined && asOf === undefined) return { ok: false, problem: `--as-of ${values['as-of']} is not a day; give it as YYYY-MM-DD` };
    return {
      ok: true,
      options: {
        workbook: positionals[0],
        json: values.json ?? false,
        write: values.write,
        sheet: values.sheet,
        table: values.table,
        capacitySheet: values['capacity-sheet'],
        catalog: values.catalog,
        asOf,
        report: values.report,
        help: values.help ?? false,
        version: values.version ?? false,
      },
    };
  } catch (error) {
    // Node's advice on positionals that start with '-' is noise for a workbook path; the first sentence says it.
    return { ok: false, problem: (error as Error).message.split('\n')[0].replace(/\. To specify a positional argument.*$/, '') };
  }
}
