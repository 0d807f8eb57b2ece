import fc from 'fast-check';
import { CellValue, CheckReport, checkWorkbook, SheetSnapshot, WorkbookSnapshot } from '../../src/core';
import { dayByDayConflicts, OracleBooking, OracleCapacity, OracleConflict } from '../oracle/dayByDayConflicts';

/*
 * Random workbooks, described twice: as the cells a researcher would type (a WorkbookSnapshot) and
 * as the oracle's plain model of the same rows (pool, status, days, chips). checkWorkbook reads the
 * cells; the oracle reads the model; their conflicts must be identical.
 *
 * Names come in groups of spellings that docs/DOMAIN.md says are the same (aliases, case, spaces,
 * hyphens, underscores), so the pool a row belongs to is known here without asking the catalog.
 */

const RUNS_PER_VARIANT = 4000;
const SEED = process.env.FC_SEED === undefined ? 20260414 : Number(process.env.FC_SEED);

interface NameGroup {
  readonly group: string;
  readonly spellings: readonly string[];
}

const PROVIDERS: readonly NameGroup[] = [
  { group: 'aws', spellings: ['AWS', 'Amazon Web Services', 'amazon', 'Amazon AWS', ' aws '] },
  { group: 'acme', spellings: ['Acme Cloud', 'acme-cloud', 'ACME_CLOUD'] }, // unknown to the catalog
];
const REGIONS: readonly NameGroup[] = [
  { group: 'use1', spellings: ['us-east-1', 'US East 1', 'us_east_1', 'US-EAST-1'] },
  { group: 'usw2', spellings: ['us-west-2', 'US West 2'] },
];
const SILICON: readonly NameGroup[] = [
  { group: 'trn2', spellings: ['Trainium2', 'Trn2', 'Trainium 2', 'trainium-2'] },
  { group: 'h100', spellings: ['H100', 'NVIDIA H100', 'H100 SXM'] },
  { group: 'trainuim2', spellings: ['Trainuim2', 'trainuim 2'] }, // a typo: its own pool, by normalised text
];
const BLOCKS: readonly NameGroup[] = [
  { group: '', spellings: ['', '  '] },
  { group: 'b1', spellings: ['b1', 'B-1', 'B 1'] },
  { group: 'b2', spellings: ['B2'] },
];

const MS_PER_DAY = 86_400_000;
const FIRST_DAY = Date.UTC(2026, 3, 1) / MS_PER_DAY;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const LONG_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

type DateFormat = 'iso' | 'iso-spaced' | 'iso-time' | 'serial' | 'serial-time' | 'day-month' | 'month-day';
const DATE_FORMATS: readonly DateFormat[] = ['iso', 'iso-spaced', 'iso-time', 'serial', 'serial-time', 'day-month', 'month-day'];

/** A valid day in one of the accepted spellings (the date system decides serials). */
function dateCell(day: number, format: DateFormat, date1904: boolean): CellValue {
  const date = new Date(day * MS_PER_DAY);
  const [year, month, dayOfMonth] = [date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()];
  const iso = `${year}-${String(month + 1).padStart(2, '0')}-${String(dayOfMonth).padStart(2, '0')}`;
  // 1900 system: serial 25569 is 1970-01-01; 1904 system: serial 0 is 1904-01-01, day -24107.
  const serial = day + (date1904 ? 24_107 : 25_569);
  switch (format) {
    case 'iso': return iso;
    case 'iso-spaced': return `  ${iso} `;
    case 'iso-time': return `${iso}T09:30`;
    case 'serial': return serial;
    case 'serial-time': return serial + 0.75;
    case 'day-month': return `${dayOfMonth} ${MONTHS[month]} ${year}`;
    case 'month-day': return `${LONG_MONTHS[month]} ${dayOfMonth}, ${year}`;
  }
}

/** Cells that are no usable date: each makes its row inactive. */
const INVALID_DATES: readonly CellValue[] = ['TBD', '04/05/2026', null, '', { error: '#N/A' }, true, '2026-02-30', '14 Apr 26', 0];

type DateSpec = { kind: 'valid'; offset: number; format: DateFormat } | { kind: 'invalid'; cell: CellValue };

function renderDate(spec: DateSpec, date1904: boolean): { cell: CellValue; day: number | null } {
  if (spec.kind === 'invalid') return { cell: spec.cell, day: null };
  const day = FIRST_DAY + spec.offset;
  return { cell: dateCell(day, spec.format, date1904), day };
}

const dateFormatArb = fc.constantFrom(...DATE_FORMATS);
const invalidDateArb = fc.constantFrom(...INVALID_DATES).map((cell): DateSpec => ({ kind: 'invalid', cell }));

/** Start and End of a row: mostly short spans (single days and touching ends are common), sometimes invalid or reversed. */
function spanArb(maxOffset: number, maxLength: number) {
  const valid = fc.record({ start: fc.integer({ min: 0, max: maxOffset }), length: fc.integer({ min: 1, max: maxLength }), startFormat: dateFormatArb, endFormat: dateFormatArb })
    .map(({ start, length, startFormat, endFormat }) => ({
      start: { kind: 'valid', offset: start, format: startFormat } as DateSpec,
      end: { kind: 'valid', offset: start + length - 1, format: endFormat } as DateSpec,
    }));
  const reversed = fc.record({ start: fc.integer({ min: 2, max: maxOffset }), back: fc.integer({ min: 1, max: 2 }), format: dateFormatArb })
    .map(({ start, back, format }) => ({
      start: { kind: 'valid', offset: start, format } as DateSpec,
      end: { kind: 'valid', offset: start - back, format } as DateSpec,
    }));
  const invalidStart = fc.record({ start: invalidDateArb, end: fc.integer({ min: 0, max: maxOffset }), format: dateFormatArb })
    .map(({ start, end, format }) => ({ start, end: { kind: 'valid', offset: end, format } as DateSpec }));
  const invalidEnd = fc.record({ start: fc.integer({ min: 0, max: maxOffset }), end: invalidDateArb, format: dateFormatArb })
    .map(({ start, end, format }) => ({ start: { kind: 'valid', offset: start, format } as DateSpec, end }));
  return fc.oneof({ arbitrary: valid, weight: 16 }, { arbitrary: reversed, weight: 1 }, { arbitrary: invalidStart, weight: 1 }, { arbitrary: invalidEnd, weight: 1 });
}

/** A Chips cell and the chips it means (`null`: empty or invalid). */
function chipsArb(max: number) {
  const whole = fc.integer({ min: 1, max }).map((chips) => ({ cell: chips as CellValue, chips: chips as number | null }));
  const asText = fc.integer({ min: 1, max }).map((chips) => ({ cell: ` ${chips}` as CellValue, chips: chips as number | null }));
  const invalid = fc.constantFrom<CellValue>(null, 'lots', 2.5, 0, -3, { error: '#VALUE!' }).map((cell) => ({ cell, chips: null as number | null }));
  return fc.oneof({ arbitrary: whole, weight: 8 }, { arbitrary: asText, weight: 1 }, { arbitrary: invalid, weight: 1 });
}

const STATUSES = ['', 'confirmed', 'tentative', 'Cancelled', 'canceled', 'RELEASED', ' released ', 'cancelled?'];

const poolArb = fc.record({
  provider: fc.nat(PROVIDERS.length - 1),
  region: fc.nat(REGIONS.length - 1),
  silicon: fc.nat(SILICON.length - 1),
  block: fc.nat(BLOCKS.length - 1),
});
type PoolChoice = { provider: number; region: number; silicon: number; block: number };

/** Which pool and which spelling of each name a row uses. */
const rowNamesArb = fc.record({ pool: fc.nat(), provider: fc.nat(), region: fc.nat(), silicon: fc.nat(), block: fc.nat() });
type RowNames = { pool: number; provider: number; region: number; silicon: number; block: number };

function spell(groups: readonly NameGroup[], groupIndex: number, spelling: number): { text: string; group: string } {
  const group = groups[groupIndex];
  return { text: group.spellings[spelling % group.spellings.length], group: group.group };
}

function namesOf(palette: readonly PoolChoice[], names: RowNames, hasBlock: boolean) {
  const pool = palette[names.pool % palette.length];
  const provider = spell(PROVIDERS, pool.provider, names.provider);
  const region = spell(REGIONS, pool.region, names.region);
  const silicon = spell(SILICON, pool.silicon, names.silicon);
  const block = hasBlock ? spell(BLOCKS, pool.block, names.block) : { text: '', group: '' };
  return { provider, region, silicon, block, key: [provider.group, region.group, silicon.group, block.group].join('/') };
}

const bookingArb = fc.record({ names: rowNamesArb, span: spanArb(16, 6), chips: chipsArb(5), status: fc.constantFrom(...STATUSES) });
const capacityArb = fc.record({ names: rowNamesArb, span: spanArb(12, 20), chips: chipsArb(7) });

type Field = 'provider' | 'region' | 'silicon' | 'start' | 'end' | 'chips' | 'block' | 'status' | 'notes';
const HEADER_SPELLINGS: Record<Field, readonly string[]> = {
  provider: ['Provider', 'Cloud'], region: ['Region', 'Location'], silicon: ['Silicon', 'Accelerator'], start: ['Start', 'Start date'],
  end: ['End', 'End date'], chips: ['Chips', 'Chip count'], block: ['Block', 'Capacity block'], status: ['Status'], notes: ['Notes'],
};

const layoutArb = fc.record({
  hasBlock: fc.boolean(),
  hasChips: fc.boolean(),
  hasStatus: fc.oneof({ arbitrary: fc.constant(true), weight: 4 }, { arbitrary: fc.constant(false), weight: 1 }),
  hasTitle: fc.boolean(),
  order: fc.array(fc.nat(), { minLength: 9, maxLength: 9 }),
  headerSpelling: fc.nat(),
});
type Layout = { hasBlock: boolean; hasChips: boolean; hasStatus: boolean; hasTitle: boolean; order: number[]; headerSpelling: number };

function columnsOf(layout: Layout, fields: readonly Field[]): Field[] {
  // A stable shuffle driven by the generated numbers, so column order varies from workbook to workbook.
  return fields.map((field, index) => ({ field, rank: layout.order[index % layout.order.length] })).sort((a, b) => a.rank - b.rank).map((entry) => entry.field);
}

/** Trailing empty cells dropped, as workbook readers hand rows over. */
function ragged(cells: CellValue[]): CellValue[] {
  let length = cells.length;
  while (length > 0 && cells[length - 1] === null) length--;
  return cells.slice(0, length);
}

function workbookArb(withCapacity: boolean) {
  return fc.record({
    date1904: fc.boolean(),
    palette: fc.array(poolArb, { minLength: 1, maxLength: 3 }),
    bookings: fc.array(bookingArb, { maxLength: 14, size: 'medium' }),
    blankRowsAfter: fc.array(fc.nat(16), { maxLength: 2 }),
    layout: layoutArb,
    capacity: withCapacity ? fc.array(capacityArb, { maxLength: 10, size: 'medium' }) : fc.constant(null),
    capacityLayout: layoutArb,
    // Mostly both tables have a Block column or neither, so capacity usually lands on the bookings' pools.
    capacityBlockAsBookings: fc.oneof({ arbitrary: fc.constant(true), weight: 4 }, { arbitrary: fc.constant(false), weight: 1 }),
    capacityFirst: fc.boolean(),
  });
}
type Generated = ReturnType<typeof workbookArb> extends fc.Arbitrary<infer T> ? T : never;

interface Built {
  readonly hasChipsColumn: boolean;
  readonly snapshot: WorkbookSnapshot;
  readonly bookings: OracleBooking[];
  readonly capacity: OracleCapacity[] | null;
}

function build(generated: Generated): Built {
  const { date1904, palette, layout } = generated;
  const withCapacity = generated.capacity !== null;
  const fields: Field[] = ['provider', 'region', 'silicon', 'start', 'end', 'notes'];
  if (layout.hasChips || withCapacity) fields.push('chips');
  if (layout.hasBlock) fields.push('block');
  if (layout.hasStatus) fields.push('status');
  const columns = columnsOf(layout, fields);
  const header = columns.map((field) => HEADER_SPELLINGS[field][layout.headerSpelling % HEADER_SPELLINGS[field].length]);

  const rows: Array<CellValue[] | undefined> = layout.hasTitle ? [['Q2 accelerator plan'], []] : [];
  rows.push(header);
  const bookings: OracleBooking[] = [];
  generated.bookings.forEach((booking, index) => {
    if (generated.blankRowsAfter.includes(index)) rows.push(index % 2 === 0 ? undefined : ['', '  ', null]);
    const names = namesOf(palette, booking.names, layout.hasBlock);
    const start = renderDate(booking.span.start, date1904);
    const end = renderDate(booking.span.end, date1904);
    const status = layout.hasStatus ? booking.status : '';
    const cellOf: Record<Field, CellValue> = {
      provider: names.provider.text, region: names.region.text, silicon: names.silicon.text, start: start.cell, end: end.cell,
      chips: booking.chips.cell, block: names.block.text, status, notes: `row ${index}`,
    };
    rows.push(ragged(columns.map((field) => cellOf[field])));
    bookings.push({
      sheetRow: rows.length, pool: names.key, status, start: start.day, end: end.day,
      chips: fields.includes('chips') ? booking.chips.chips : null,
    });
  });
  const sheets: SheetSnapshot[] = [{ name: 'Bookings', rows }];

  let capacity: OracleCapacity[] | null = null;
  if (generated.capacity !== null) {
    const capacityLayout = generated.capacityBlockAsBookings ? { ...generated.capacityLayout, hasBlock: layout.hasBlock } : generated.capacityLayout;
    const capacityFields: Field[] = ['provider', 'region', 'silicon', 'chips', 'start', 'end'];
    if (capacityLayout.hasBlock) capacityFields.push('block');
    const capacityColumns = columnsOf(capacityLayout, capacityFields);
    const capacityRows: CellValue[][] = [capacityColumns.map((field) => HEADER_SPELLINGS[field][0])];
    capacity = generated.capacity.map((row) => {
      const names = namesOf(palette, row.names, capacityLayout.hasBlock);
      const start = renderDate(row.span.start, date1904);
      const end = renderDate(row.span.end, date1904);
      const cellOf: Partial<Record<Field, CellValue>> = {
        provider: names.provider.text, region: names.region.text, silicon: names.silicon.text, start: start.cell, end: end.cell,
        chips: row.chips.cell, block: names.block.text,
      };
      capacityRows.push(ragged(capacityColumns.map((field) => cellOf[field] ?? null)));
      return { pool: names.key, start: start.day, end: end.day, chips: row.chips.chips };
    });
    const capacitySheet: SheetSnapshot = { name: 'Capacity', rows: capacityRows };
    if (generated.capacityFirst) sheets.unshift(capacitySheet);
    else sheets.push(capacitySheet);
  }
  return { snapshot: { date1904, sheets }, bookings, capacity, hasChipsColumn: fields.includes('chips') };
}

function reportOf(snapshot: WorkbookSnapshot): CheckReport {
  const outcome = checkWorkbook(snapshot);
  if (!outcome.ok) throw new Error(`check failed: ${outcome.problem}`);
  return outcome.report;
}

/** checkWorkbook's conflicts in the oracle's terms; a row's pool is the one the workbook was built with. */
function actualConflicts(report: CheckReport, built: Built): OracleConflict[] {
  const poolOfRow = new Map(built.bookings.map((booking) => [booking.sheetRow, booking.pool]));
  const conflicts = report.conflicts.map((conflict): OracleConflict => ({
    pool: poolOfRow.get(conflict.rows[0]) ?? `unknown row ${conflict.rows[0]}`,
    start: conflict.start, end: conflict.end, rows: conflict.rows,
    bookedChips: conflict.bookedChips, capacityChips: conflict.capacityChips, excessChips: conflict.excessChips,
  }));
  return conflicts.sort((a, b) => a.start - b.start || (a.pool < b.pool ? -1 : a.pool > b.pool ? 1 : 0));
}

function assertMatchesOracle(generated: Generated): void {
  const built = build(generated);
  const report = reportOf(built.snapshot);
  expect(report.capacity === null).toBe(built.capacity === null);
  expect(report.conflicts.map((conflict) => conflict.start)).toEqual(report.conflicts.map((conflict) => conflict.start).sort((a, b) => a - b));
  expect(actualConflicts(report, built)).toEqual(dayByDayConflicts({ bookings: built.bookings, capacity: built.capacity, hasChipsColumn: built.hasChipsColumn }));
}

describe('checkWorkbook conflicts match the day-by-day oracle', () => {
  it(`without a Capacity table (${RUNS_PER_VARIANT} random workbooks)`, () => {
    fc.assert(fc.property(workbookArb(false), assertMatchesOracle), { numRuns: RUNS_PER_VARIANT, seed: SEED });
  });

  it(`with a Capacity table (${RUNS_PER_VARIANT} random workbooks)`, () => {
    fc.assert(fc.property(workbookArb(true), assertMatchesOracle), { numRuns: RUNS_PER_VARIANT, seed: SEED });
  });

  it.each([false, true])('generates workbooks that are not trivially conflict-free (Capacity table: %s)', (withCapacity) => {
    // Guards the generator: if collisions became rare, the comparisons above would prove little.
    const samples = fc.sample(workbookArb(withCapacity), { numRuns: 500, seed: SEED });
    const withConflicts = samples.filter((generated) => {
      const built = build(generated);
      return dayByDayConflicts({ bookings: built.bookings, capacity: built.capacity }).length > 0;
    });
    expect(withConflicts.length).toBeGreaterThan(samples.length / 5);
  });
});
