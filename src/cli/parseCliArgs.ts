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
  /** With `--level`: what the plan may change. */
  readonly level?: LevelCliOptions;
  /** The day the signals count from; undefined for today. */
  readonly asOf?: CalendarDay;
  /** Where to write the HTML report. */
  readonly report?: string;
  /** How the readable report lists and trims its conflicts and issues. */
  readonly view: ReportView;
  readonly help: boolean;
  readonly version: boolean;
}

export interface LevelCliOptions {
  readonly horizonDays: number;
  readonly allowMoves: boolean;
  readonly tentativeOnly: boolean;
  /** Lab names as typed; none levels every lab. */
  readonly labs: readonly string[];
}

/** What the readable report lists: grouped by a facet, only one part, at most `limit` conflicts and issue rows. */
export interface ReportView {
  readonly groupBy?: ReportGrouping;
  readonly only?: ReportPart;
  readonly limit?: number;
}

export const REPORT_GROUPINGS = ['lab', 'pool', 'silicon'] as const;
export type ReportGrouping = (typeof REPORT_GROUPINGS)[number];
export const REPORT_PARTS = ['conflicts', 'errors', 'warnings'] as const;
export type ReportPart = (typeof REPORT_PARTS)[number];

/** The longest horizon a plan may shift a booking by: ten years. */
export const MAX_HORIZON_DAYS = 3660;

export const USAGE = `Usage: capacity-check [workbook.xlsx] [--json] [--write annotated.xlsx] [--sheet NAME]
                      [--table NAME] [--capacity-sheet NAME] [--catalog catalog.json]
                      [--as-of YYYY-MM-DD] [--report report.html]
                      [--group-by lab|pool|silicon] [--only conflicts|errors|warnings] [--limit N]
                      [--level [--horizon DAYS] [--no-moves] [--tentative-only] [--lab NAME]...]

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
  --group-by FACET       list the conflicts under one heading per lab, pool or silicon, with its
                         count, largest first (a conflict of two labs is under both)
  --only PART            show only the conflicts, the errors or the warnings (the lab table and
                         the counts stay on top)
  --limit N              print at most N conflicts and N rows with issues, then how many more
  --level                plan how to clear every open conflict (shift later, else move) and print
                         the plan; with --write the copy holds the levelled values, yellow only
                         where conflicts are left, and the plan in its "Resolution log" sheet
  --horizon DAYS         with --level: shift a booking by at most DAYS days (default 90)
  --no-moves             with --level: never move a booking to another pool
  --tentative-only       with --level: only tentative bookings give way
  --lab NAME             with --level: level only conflicts holding a booking of this lab, and let
                         only its bookings give way (repeat for more labs)
  -h, --help             show this help
  -V, --version          show the version

Exit codes: 0 no errors or conflicts, 1 errors or conflicts found, 2 bad usage or unreadable file.
With --level --write, 0 and 1 speak of the levelled copy written; otherwise of the workbook as it is.`;

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
        level: { type: 'boolean', default: false },
        horizon: { type: 'string' },
        'no-moves': { type: 'boolean', default: false },
        'tentative-only': { type: 'boolean', default: false },
        lab: { type: 'string', multiple: true },
        'as-of': { type: 'string' },
        report: { type: 'string' },
        'group-by': { type: 'string' },
        only: { type: 'string' },
        limit: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'V', default: false },
      },
    });
    if (positionals.length > 1) return { ok: false, problem: `expected one workbook, got ${positionals.length}: ${positionals.join(' ')}` };
    const level = levelOptions(values);
    if (typeof level === 'string') return { ok: false, problem: level };
    const asOf = values['as-of'] === undefined ? undefined : parseIsoDay(values['as-of']);
    if (values['as-of'] !== undefined && asOf === undefined) return { ok: false, problem: `--as-of ${values['as-of']} is not a day; give it as YYYY-MM-DD` };
    const view = viewOptions(values);
    if (typeof view === 'string') return { ok: false, problem: view };
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
        level,
        asOf,
        report: values.report,
        view,
        help: values.help ?? false,
        version: values.version ?? false,
      },
    };
  } catch (error) {
    // Node's advice on positionals that start with '-' is noise for a workbook path; the first sentence says it.
    return { ok: false, problem: (error as Error).message.split('\n')[0].replace(/\. To specify a positional argument.*$/, '') };
  }
}

/** The levelling options, undefined without `--level`, or the one-line reason they are unusable. */
function levelOptions(values: { level?: boolean; horizon?: string; 'no-moves'?: boolean; 'tentative-only'?: boolean; lab?: string[] }): LevelCliOptions | undefined | string {
  const given = [values.horizon !== undefined && '--horizon', values['no-moves'] && '--no-moves', values['tentative-only'] && '--tentative-only', values.lab !== undefined && '--lab'].filter((flag) => flag);
  if (!values.level) return given.length === 0 ? undefined : `${given[0]} needs --level`;
  const horizon = values.horizon ?? '90';
  const horizonDays = /^\d{1,5}$/.test(horizon.trim()) ? Number(horizon) : NaN;
  if (!(horizonDays >= 1 && horizonDays <= MAX_HORIZON_DAYS)) return `--horizon ${horizon}: give a whole number of days from 1 to ${MAX_HORIZON_DAYS}`;
  const labs = values.lab ?? [];
  const empty = labs.find((lab) => lab.trim() === '');
  if (empty !== undefined) return '--lab needs a lab name';
  return { horizonDays, allowMoves: !values['no-moves'], tentativeOnly: values['tentative-only'] ?? false, labs };
}

/** The readable report's view, or the one-line reason it is unusable. */
function viewOptions(values: { 'group-by'?: string; only?: string; limit?: string }): ReportView | string {
  const groupBy = values['group-by'];
  if (groupBy !== undefined && !(REPORT_GROUPINGS as readonly string[]).includes(groupBy)) return `--group-by ${groupBy}: give one of ${REPORT_GROUPINGS.join(', ')}`;
  const only = values.only;
  if (only !== undefined && !(REPORT_PARTS as readonly string[]).includes(only)) return `--only ${only}: give one of ${REPORT_PARTS.join(', ')}`;
  const limit = values.limit === undefined ? undefined : /^\d{1,9}$/.test(values.limit.trim()) ? Number(values.limit) : NaN;
  if (limit !== undefined && !(limit >= 1)) return `--limit ${values.limit}: give a whole number from 1`;
  return { groupBy: groupBy as ReportGrouping | undefined, only: only as ReportPart | undefined, limit };
}
