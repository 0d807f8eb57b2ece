/**
 * Random small workbooks for the signals' property tests, described twice: as the cells a researcher
 * types (a WorkbookSnapshot, checked against a small catalog of its own) and as the oracles' plain model
 * of the same rows. Names are canonical; the conflict tests cover spellings.
 */
import fc from 'fast-check';
import { Catalog, CatalogData, CellValue, CheckReport, checkWorkbook, SheetSnapshot, WorkbookSnapshot } from '../../src/core';
import { OracleCapacityRow, OracleCatalog, OracleVelocityBooking } from '../oracle/slowVelocity';
import { OracleStakeBooking } from '../oracle/dayByDayStakes';

const MS_PER_DAY = 86_400_000;
export const FIRST_DAY = Date.UTC(2026, 3, 1) / MS_PER_DAY;
const iso = (day: number): string => new Date(day * MS_PER_DAY).toISOString().slice(0, 10);

/** Families a port crosses (CUDA, ROCm), one only AWS offers (Neuron), one only Google (TPU); Lambda names no regions. */
export const CATALOG_DATA: CatalogData = {
  silicon: [
    { name: 'H100', aliases: [], vendor: 'NVIDIA', family: 'CUDA', denseBf16Tflops: null, hbmGb: null },
    { name: 'H200', aliases: [], vendor: 'NVIDIA', family: 'CUDA', denseBf16Tflops: null, hbmGb: null },
    { name: 'MI300X', aliases: [], vendor: 'AMD', family: 'ROCm', denseBf16Tflops: null, hbmGb: null },
    { name: 'Trn2', aliases: [], vendor: 'AWS', family: 'Neuron', denseBf16Tflops: null, hbmGb: null },
    { name: 'v5p', aliases: [], vendor: 'Google', family: 'TPU', denseBf16Tflops: null, hbmGb: null },
  ],
  providers: [
    { name: 'AWS', aliases: [], regions: ['east', 'west'], anyRegion: false, offerings: [{ silicon: 'H100', regions: ['east'], pricePerChipHour: 4 }, { silicon: 'Trn2', regions: ['east', 'west'], pricePerChipHour: 2.5 }] },
    { name: 'Lambda', aliases: [], regions: [], anyRegion: true, offerings: [{ silicon: 'H100' }, { silicon: 'H200' }, { silicon: 'MI300X' }] },
    { name: 'Azure', aliases: [], regions: ['eastus'], anyRegion: false, offerings: [{ silicon: 'H100', regions: ['eastus'] }, { silicon: 'MI300X', regions: ['eastus'], pricePerChipHour: 3 }] },
    { name: 'GCP', aliases: [], regions: ['central'], anyRegion: false, offerings: [{ silicon: 'v5p', regions: ['central'] }, { silicon: 'H200', regions: ['central'] }] },
  ],
};
/** The same offerings without regions: then only the workbook's own pools are free places, and often none is. */
const UNLISTED_DATA: CatalogData = {
  ...CATALOG_DATA,
  providers: CATALOG_DATA.providers.map((provider) => ({ ...provider, anyRegion: true, offerings: provider.offerings.map(({ silicon }) => ({ silicon })) })),
};

function oracleCatalogOf(data: CatalogData): OracleCatalog {
  return {
    families: Object.fromEntries(data.silicon.map((spec) => [spec.name, spec.family])),
    providers: data.providers.map((provider) => ({
      name: provider.name, offerings: provider.offerings.map((offering) => ({ silicon: offering.silicon, regions: offering.regions ?? null })),
    })),
  };
}
export const CATALOGS = [CATALOG_DATA, UNLISTED_DATA].map((data) => ({ catalog: Catalog.fromData(data), oracle: oracleCatalogOf(data) }));

/** Pools, some offered and some not (AWS H100 in west, Acme unknown to the catalog, X9 unknown silicon). */
const POOLS: ReadonlyArray<readonly [string, string, string, string]> = [
  ['AWS', 'east', 'H100', ''], ['AWS', 'east', 'H100', 'b1'], ['AWS', 'west', 'H100', ''], ['AWS', 'east', 'Trn2', ''], ['AWS', 'west', 'Trn2', 'b1'], ['Lambda', 'nyc', 'MI300X', ''],
  ['Lambda', 'nyc', 'H100', ''], ['Lambda', 'sfo', 'H200', 'b1'], ['Azure', 'eastus', 'H100', ''], ['Azure', 'eastus', 'MI300X', ''],
  ['GCP', 'central', 'v5p', ''], ['GCP', 'central', 'H200', ''], ['Acme', 'lab', 'H100', ''], ['AWS', 'east', 'X9', ''],
];
const LABS = ['Lab A', 'lab a', 'Lab B', 'Lab C', ''];
const OWNERS = ['', '', 'Shared', 'Any', 'Lab A', 'LAB-A', 'Lab B'];
const STATUSES = ['', 'confirmed', 'confirmed', 'tentative', 'Cancelled', 'released'];
const PRIORITIES = ['', 'High', 'Low', 'P0', 'P2', 'critical'];

const pool = (poolChoices: readonly number[]) => fc.nat().map((n) => POOLS[poolChoices[n % poolChoices.length]]);
const chips = fc.oneof({ arbitrary: fc.integer({ min: 1, max: 8 }), weight: 9 }, { arbitrary: fc.constant(null), weight: 1 });

function rowArb(poolChoices: readonly number[], maxStart: number, maxLength: number, labs: readonly string[]) {
  return fc.record({ pool: pool(poolChoices), lab: fc.constantFrom(...labs), start: fc.integer({ min: 0, max: maxStart }), length: fc.integer({ min: 1, max: maxLength }), chips, status: fc.constantFrom(...STATUSES), priority: fc.constantFrom(...PRIORITIES) });
}
type Row = { pool: readonly [string, string, string, string]; lab: string; start: number; length: number; chips: number | null; status: string; priority: string };

/** `crowded`: two pools and 50 to 80 bookings, so a pool holds dozens of rows, as real pools do. */
export function signalWorkbookArb(withCapacity: boolean, crowded = false) {
  return fc.record({
    // A few pools per workbook, so bookings meet and capacity lands where bookings are.
    pools: fc.uniqueArray(fc.nat(POOLS.length - 1), { minLength: 2, maxLength: crowded ? 2 : 6 }),
    asOf: fc.integer({ min: 0, max: 12 }),
    ownership: fc.boolean(),
    catalog: fc.nat(CATALOGS.length - 1),
  }).chain(({ pools, asOf, ownership, catalog }) => fc.record({
    asOf: fc.constant(asOf),
    ownership: fc.constant(ownership),
    catalog: fc.constant(catalog),
    bookings: crowded ? fc.array(rowArb(pools, 60, 10, LABS), { minLength: 50, maxLength: 80 }) : fc.array(rowArb(pools, 20, 10, LABS), { maxLength: 12 }),
    capacity: withCapacity ? fc.array(rowArb(pools, 14, 24, OWNERS), { maxLength: 8 }) : fc.constant(null),
  }));
}
export type SignalWorkbook = ReturnType<typeof signalWorkbookArb> extends fc.Arbitrary<infer T> ? T : never;

export interface BuiltSignalWorkbook {
  readonly report: CheckReport;
  readonly asOf: number;
  readonly bookings: Array<OracleVelocityBooking & OracleStakeBooking>;
  readonly capacity: OracleCapacityRow[] | null;
  readonly catalog: OracleCatalog;
}

const isActive = (row: Row) => !/^(cancelled|released)/i.test(row.status);

/** The snapshot (checked with the small catalog) and the oracles' model of it. */
export function buildSignalWorkbook(generated: SignalWorkbook): BuiltSignalWorkbook {
  const header = ['ID', 'Lab', 'Provider', 'Region', 'Silicon', 'Block', 'Chips', 'Start', 'End', 'Status', 'Priority'];
  const rows: CellValue[][] = [header];
  const bookings = generated.bookings.map((row, index) => {
    const [provider, region, silicon, block] = row.pool;
    const start = FIRST_DAY + row.start;
    const end = start + row.length - 1;
    rows.push([`B-${index + 1}`, row.lab, provider, region, silicon, block || null, row.chips ?? 'lots', iso(start), iso(end), row.status, row.priority]);
    return { sheetRow: index + 2, lab: row.lab, provider, region, silicon, block, chips: row.chips, start, end, active: isActive(row), status: row.status, priority: row.priority };
  });
  const sheets: SheetSnapshot[] = [{ name: 'Bookings', rows }];
  let capacity: OracleCapacityRow[] | null = null;
  if (generated.capacity !== null) {
    const capacityRows: CellValue[][] = [['Provider', 'Region', 'Silicon', 'Block', 'Chips', 'Start', 'End', 'Status', ...(generated.ownership ? ['Reserved for'] : [])]];
    capacity = generated.capacity.map((row) => {
      const [provider, region, silicon, block] = row.pool;
      const start = FIRST_DAY + row.start;
      const end = start + row.length - 1;
      const status = row.status === 'tentative' ? 'tentative' : /^(cancelled|released)/i.test(row.status) ? row.status : '';
      capacityRows.push([provider, region, silicon, block || null, row.chips ?? 'lots', iso(start), iso(end), status, ...(generated.ownership ? [row.lab] : [])]);
      return { lab: generated.ownership ? row.lab : '', provider, region, silicon, block, chips: row.chips, start, end, active: isActive(row) };
    });
    sheets.push({ name: 'Capacity', rows: capacityRows });
  }
  const snapshot: WorkbookSnapshot = { date1904: false, sheets };
  const { catalog, oracle } = CATALOGS[generated.catalog];
  const outcome = checkWorkbook(snapshot, { catalog });
  if (!outcome.ok) throw new Error(`check failed: ${outcome.problem}`);
  if ((outcome.report.capacity !== null) !== (capacity !== null)) throw new Error('the Capacity sheet was not found');
  return { report: outcome.report, asOf: FIRST_DAY + generated.asOf, bookings, capacity, catalog: oracle };
}
