/**
 * Seeded generator of realistic capacity workbooks as plain `WorkbookSnapshot`s (no .xlsx), with the
 * truth about every row written beside them, so that baselines can be checked without asking the engine.
 *
 * The model: a pool (provider, region, silicon, block) is a timeline of bookings laid end to end with
 * gaps, the way a block is handed from run to run. A few bookings are typed on top of the previous one
 * (the double-bookings), some rows are cancelled (and often re-booked on the same days), and a few rows
 * carry the slips people make: ambiguous or missing dates, End before Start, typos, missing cells.
 * Pools come from the default catalog's offerings, spelled with aliases, case variants and zones.
 */
import { CellValue, DEFAULT_CATALOG, WorkbookSnapshot } from '../src/core';
import { seededRandom } from '../scripts/seededRandom';

export const ALLOCATION_HEADER = ['ID', 'Lab', 'Team', 'Workload', 'Provider', 'Region', 'Silicon', 'Chips', 'Start', 'End', 'Status', 'Block'] as const;
export const CAPACITY_HEADER = ['Provider', 'Region', 'Silicon', 'Block', 'Chips', 'Start', 'End'] as const;
/** Zero-based columns of the allocation sheet, in `ALLOCATION_HEADER` order. */
export const COLUMN = {
  id: 0, lab: 1, team: 2, workload: 3, provider: 4, region: 5, silicon: 6, chips: 7, start: 8, end: 9, status: 10, block: 11,
} as const;

export interface GenerateOptions {
  /** Data rows of the allocation table (the header comes on top). */
  readonly rows: number;
  readonly seed?: number;
  /** Add a Capacity sheet: one or two reservations per pool, some of them too small or with a gap. */
  readonly capacity?: boolean;
}

/** What a row is, independently of how it was typed: its canonical pool and days. */
export interface TruthRow {
  /** Sheet row as a user sees it (the header is row 1). */
  readonly sheetRow: number;
  /** Normalised provider, region, silicon and block joined by `|`; null when one of the first three is empty. */
  readonly pool: string | null;
  /** The pool's four parts, normalised (for the spreadsheet rule's columns). */
  readonly poolParts: readonly [string, string, string, string] | null;
  /** Calendar days (0 = 1970-01-01); null when the cell does not hold a valid date. */
  readonly start: number | null;
  /** Inclusive, as typed. Null when invalid, or when it is before `start`. */
  readonly end: number | null;
  /** Takes part in conflicts: not cancelled or released, dates valid, pool complete. */
  readonly active: boolean;
}

export interface GeneratedWorkbook {
  readonly snapshot: WorkbookSnapshot;
  readonly truth: TruthRow[];
  readonly pools: number;
  readonly capacityRows: number;
}

export { seededRandom };

const MS_PER_DAY = 86_400_000;
/** 1900 date system: serial 25569 is 1970-01-01 (valid from March 1900 on). */
const SERIAL_OF_DAY_ZERO = 25_569;
const FIRST_DAY = Date.UTC(2026, 0, 1) / MS_PER_DAY;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const INACTIVE_STATUSES = new Set(['cancelled', 'canceled', 'released']);

/** Matching key of a name as docs/DOMAIN.md defines it: case, spaces, hyphens and underscores ignored. */
export function normalizePart(text: string): string {
  return text.replace(/[\s\-_]+/g, '').toLowerCase();
}

interface Combo {
  readonly provider: string;
  readonly providerAliases: readonly string[];
  readonly region: string;
  /** Zones a researcher may type instead of the region (AWS and Google only). */
  readonly zones: readonly string[];
  readonly silicon: string;
  readonly siliconAliases: readonly string[];
  readonly family: string;
  readonly blockPrefix: string;
  readonly weight: number;
}

const PROVIDER_WEIGHT: Readonly<Record<string, number>> = {
  AWS: 30, 'Google Cloud': 25, 'Microsoft Azure': 14, 'Oracle Cloud': 9, CoreWeave: 9, Lambda: 4, TensorWave: 2, Vultr: 2, 'Self-built': 5,
};
const FREE_TEXT_REGIONS: Readonly<Record<string, readonly string[]>> = {
  CoreWeave: ['US-EAST-04', 'US-WEST-01', 'RNO2', 'LGA1'],
  Lambda: ['us-east-1', 'us-south-1', 'us-west-2'],
  TensorWave: ['Las Vegas', 'Austin'],
  Vultr: ['New Jersey', 'Chicago', 'Amsterdam'],
  'Self-built': ['Memphis', 'Columbus', 'Abilene', 'Mount Pleasant'],
};
const BLOCK_PREFIX: Readonly<Record<string, string>> = { AWS: 'cb', 'Google Cloud': 'res', 'Microsoft Azure': 'nd' };
/** Where the catalog lists no region for an offering, the regions bookings land in. */
const UNLISTED_REGION_COUNT = 3;

function buildCombos(): Combo[] {
  const siliconByName = new Map(DEFAULT_CATALOG.silicon.map((spec) => [spec.name, spec]));
  const combos: Combo[] = [];
  for (const provider of DEFAULT_CATALOG.providers) {
    const places: Array<{ region: string; silicon: string }> = [];
    for (const offering of provider.offerings) {
      const regions = offering.regions ?? (provider.anyRegion ? FREE_TEXT_REGIONS[provider.name] ?? ['Main'] : provider.regions.slice(0, UNLISTED_REGION_COUNT));
      for (const region of regions) places.push({ region, silicon: offering.silicon });
    }
    const weight = (PROVIDER_WEIGHT[provider.name] ?? 1) / places.length;
    const hasZones = provider.name === 'AWS' || provider.name === 'Google Cloud';
    for (const { region, silicon } of places) {
      const spec = siliconByName.get(silicon);
      if (spec === undefined) continue;
      combos.push({
        provider: provider.name,
        providerAliases: provider.aliases,
        region,
        // AWS zones append a letter (us-east-1a), Google's a dash and a letter (us-central1-a).
        zones: hasZones ? ['a', 'b', 'c'].map((zone) => (provider.name === 'AWS' ? `${region}${zone}` : `${region}-${zone}`)) : [],
        silicon: spec.name,
        siliconAliases: spec.aliases,
        family: spec.family,
        blockPrefix: BLOCK_PREFIX[provider.name] ?? 'cl',
        weight,
      });
    }
  }
  return combos;
}

const COMBOS = buildCombos();

type PoolKind = 'training' | 'sprint' | 'evaluation';
interface KindSpec {
  readonly share: number;
  readonly rows: (random: () => number) => number;
  readonly days: (random: () => number) => number;
  readonly gap: (random: () => number) => number;
  readonly workloads: readonly string[];
}
const between = (random: () => number, low: number, high: number): number => low + Math.floor(random() * (high - low + 1));
const KINDS: Readonly<Record<PoolKind, KindSpec>> = {
  // Long pre-training and fine-tuning runs: days to months, a handful per block.
  training: { share: 0.45, rows: (r) => between(r, 3, 12), days: (r) => between(r, 14, 120), gap: (r) => between(r, 0, 21), workloads: ['pre-training', 'fine-tuning'] },
  sprint: { share: 0.4, rows: (r) => between(r, 6, 30), days: (r) => between(r, 3, 30), gap: (r) => between(r, 0, 7), workloads: ['fine-tuning', 'research', 'inference'] },
  // Busy shared clusters: many short evaluation slots, a long tail of very busy pools.
  evaluation: { share: 0.15, rows: (r) => 20 + Math.floor(280 * r() ** 3), days: (r) => between(r, 1, 5), gap: (r) => between(r, 0, 2), workloads: ['evaluation', 'inference'] },
};
const KIND_ORDER: readonly PoolKind[] = ['training', 'sprint', 'evaluation'];

const CHIP_SIZES: Readonly<Record<string, readonly number[]>> = {
  CUDA: [8, 16, 32, 64, 128, 256, 512, 1024, 2048],
  ROCm: [8, 16, 32, 64, 128, 256, 512],
  TPU: [8, 16, 32, 64, 128, 256, 512, 1024, 2048],
  Neuron: [16, 32, 64, 128, 256, 512, 1024, 2048, 4096],
  Maia: [64, 128, 256],
};

const LABS: ReadonlyArray<{ lab: string; teams: readonly string[] }> = [
  { lab: 'Helios AI', teams: ['Pretrain', 'Post-train', 'Evals'] },
  { lab: 'Northwind Labs', teams: ['Foundation', 'Alignment'] },
  { lab: 'Quill Research', teams: ['Core', 'Multimodal', 'Safety'] },
  { lab: 'Meridian', teams: ['LLM', 'Speech'] },
  { lab: 'Kestrel AI', teams: ['Pretraining', 'Inference'] },
  { lab: 'Atlas Collective', teams: ['Research', 'Platform'] },
];

/** Probabilities per row (the rest of the generator's choices are per pool). */
const P = {
  overlapPrevious: 0.025, // a booking typed on top of the previous one in its block
  cancelled: 0.05,
  rebookAfterCancel: 0.5, // a cancelled booking's days go to the next booking
  tentative: 0.15,
  providerAlias: 0.12,
  siliconAlias: 0.2,
  caseVariant: 0.05,
  zone: 0.03,
  isoText: 0.06,
  monthText: 0.02,
  timeOfDay: 0.02,
  ambiguousDate: 0.0015,
  tbdDate: 0.001,
  endBeforeStart: 0.001,
  missingRegion: 0.0005,
  siliconTypo: 0.001,
  providerTypo: 0.0005,
  invalidChips: 0.0005,
  duplicateId: 0.0005,
} as const;
const SILICON_TYPOS: Readonly<Record<string, string>> = { Trainium2: 'Trainuim2', 'H100 SXM': 'H10O', 'TPU v5p': 'TPU v5pp', B200: 'B2OO' };

interface Draft {
  readonly cells: CellValue[];
  readonly truth: Omit<TruthRow, 'sheetRow'>;
}

/**
 * A workbook with `rows` bookings on pools drawn from the default catalog, the same for the same seed.
 * @example generateWorkbook({ rows: 1000, seed: 7, capacity: true }).snapshot.sheets.map((s) => s.name) // ['Bookings', 'Capacity']
 */
export function generateWorkbook(options: GenerateOptions): GeneratedWorkbook {
  const seed = options.seed ?? 20260414;
  const random = seededRandom(seed);
  // A stream of its own, so that the same seed gives the same bookings with and without a Capacity sheet.
  const capacityRandom = seededRandom(seed ^ 0x5bd1e995);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const chance = (p: number): boolean => random() < p;
  const totalWeight = COMBOS.reduce((sum, combo) => sum + combo.weight, 0);
  const pickCombo = (): Combo => {
    let target = random() * totalWeight;
    for (const combo of COMBOS) {
      target -= combo.weight;
      if (target <= 0) return combo;
    }
    return COMBOS[COMBOS.length - 1];
  };
  const pickKind = (): PoolKind => {
    let target = random();
    for (const kind of KIND_ORDER) {
      target -= KINDS[kind].share;
      if (target <= 0) return kind;
    }
    return 'sprint';
  };

  const plans: RowPlan[] = [];
  const capacityCells: CellValue[][] = [];
  const comboHasBlocklessPool = new Set<Combo>();
  let pools = 0;

  while (plans.length < options.rows) {
    const combo = pickCombo();
    const kind = KINDS[pickKind()];
    // The first pool of each place has no block; later ones are capacity blocks or clusters.
    const block = comboHasBlocklessPool.has(combo) ? `${combo.blockPrefix}-${pools.toString(36).padStart(4, '0')}` : '';
    comboHasBlocklessPool.add(combo);
    pools++;
    const blockChips = pick(CHIP_SIZES[combo.family] ?? [64]);
    const { lab, teams } = pick(LABS);
    const poolRows = Math.min(kind.rows(random), options.rows - plans.length);

    let cursor = FIRST_DAY + between(random, 0, 90);
    let previous: { start: number; end: number; cancelled: boolean } | null = null;
    let firstDay = Number.POSITIVE_INFINITY;
    let lastDay = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < poolRows; i++) {
      const days = kind.days(random);
      let start = cursor;
      if (previous !== null && (chance(P.overlapPrevious) || (previous.cancelled && chance(P.rebookAfterCancel)))) {
        start = previous.start + Math.floor(random() * (previous.end - previous.start + 1));
      }
      const end = start + days - 1;
      cursor = Math.max(cursor, end + 1 + kind.gap(random));
      const status = chance(P.cancelled) ? pick(['cancelled', 'cancelled', 'Cancelled', 'canceled', 'released']) : chance(P.tentative) ? 'tentative' : 'confirmed';
      const chips = chance(0.7) ? blockChips : Math.max(1, blockChips / pick([2, 4]));
      plans.push({ combo, block, start, end, status, chips, lab, team: pick(teams), workload: pick(kind.workloads) });
      previous = { start, end, cancelled: INACTIVE_STATUSES.has(status.toLowerCase()) };
      firstDay = Math.min(firstDay, start);
      lastDay = Math.max(lastDay, end);
    }
    if (options.capacity) capacityCells.push(...capacityFor(combo, block, blockChips, firstDay, lastDay, capacityRandom));
  }

  // Rows are typed in no pool's order. Cells are made in sheet order, as a reader of a file would make
  // them, so that memory order follows row order and the engine is not timed on scattered rows.
  shuffle(plans, random);
  const truth: TruthRow[] = [];
  const rows: CellValue[][] = [[...ALLOCATION_HEADER]];
  plans.forEach((plan, index) => {
    const sheetRow = index + 2;
    const draft = draftRow(plan, random);
    draft.cells[COLUMN.id] = index > 0 && chance(P.duplicateId) ? rows[1 + Math.floor(random() * index)][COLUMN.id] : `BK-${String(index + 1).padStart(7, '0')}`;
    rows.push(draft.cells);
    truth.push({ sheetRow, ...draft.truth });
  });

  const sheets = [{ name: 'Bookings', rows }];
  if (options.capacity) sheets.push({ name: 'Capacity', rows: [[...CAPACITY_HEADER], ...capacityCells] });
  return { snapshot: { sheets, date1904: false }, truth, pools, capacityRows: capacityCells.length };
}

interface RowPlan {
  readonly combo: Combo;
  readonly block: string;
  readonly start: number;
  readonly end: number;
  readonly status: string;
  readonly chips: number;
  readonly lab: string;
  readonly team: string;
  readonly workload: string;
}

/** The cells a researcher types for a planned booking (with the occasional slip), and what they mean. */
function draftRow(plan: RowPlan, random: () => number): Draft {
  const chance = (p: number): boolean => random() < p;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const { combo } = plan;

  let providerText = combo.provider;
  let providerKnown = true;
  if (chance(P.providerTypo)) {
    providerText = combo.provider === 'AWS' ? 'Amazn Web Services' : `${combo.provider}x`;
    providerKnown = false;
  } else if (combo.providerAliases.length > 0 && chance(P.providerAlias)) providerText = pick(combo.providerAliases);
  else if (chance(P.caseVariant)) providerText = combo.provider.toLowerCase();

  let regionText = combo.region;
  if (chance(P.missingRegion)) regionText = '';
  else if (providerKnown && combo.zones.length > 0 && chance(P.zone)) regionText = pick(combo.zones);
  else if (chance(P.caseVariant)) regionText = regionText.toUpperCase();

  let siliconText = combo.silicon;
  let siliconKey = normalizePart(combo.silicon);
  const typo = SILICON_TYPOS[combo.silicon];
  if (typo !== undefined && chance(P.siliconTypo)) {
    siliconText = typo;
    siliconKey = normalizePart(typo);
  } else if (combo.siliconAliases.length > 0 && chance(P.siliconAlias)) siliconText = pick(combo.siliconAliases);
  else if (chance(P.caseVariant)) siliconText = combo.silicon.toUpperCase();

  let startCell: CellValue = dateCell(plan.start, random);
  let endCell: CellValue = dateCell(plan.end, random);
  let start: number | null = plan.start;
  let end: number | null = plan.end;
  if (chance(P.ambiguousDate)) {
    // Day and month both 12 or less: 04/05/2026 could be either, and is never guessed.
    startCell = `0${between(random, 1, 9)}/0${between(random, 1, 9)}/2026`;
    if (startCell.slice(0, 2) !== startCell.slice(3, 5)) start = null;
    else start = dayOfText(startCell);
  } else if (chance(P.tbdDate)) {
    endCell = 'TBD';
    end = null;
  } else if (chance(P.endBeforeStart) && plan.end > plan.start) {
    [startCell, endCell] = [endCell, startCell];
    [start, end] = [plan.end, plan.start];
  }
  const datesValid = start !== null && end !== null && end >= start;

  const chipsCell: CellValue = chance(P.invalidChips) ? pick(['lots', '2.5', 'TBD']) : plan.chips;
  // Without a known provider the engine cannot map a region through the catalog: the text is the key.
  const regionKey = providerKnown ? normalizePart(combo.region) : normalizePart(regionText);
  const poolParts: [string, string, string, string] | null =
    regionText === '' ? null : [normalizePart(providerKnown ? combo.provider : providerText), regionKey, siliconKey, normalizePart(plan.block)];

  const cells: CellValue[] = [];
  cells[COLUMN.id] = null;
  cells[COLUMN.lab] = plan.lab;
  cells[COLUMN.team] = plan.team;
  cells[COLUMN.workload] = plan.workload;
  cells[COLUMN.provider] = providerText;
  cells[COLUMN.region] = regionText;
  cells[COLUMN.silicon] = siliconText;
  cells[COLUMN.chips] = chipsCell;
  cells[COLUMN.start] = startCell;
  cells[COLUMN.end] = endCell;
  cells[COLUMN.status] = plan.status;
  cells[COLUMN.block] = plan.block === '' ? null : plan.block;
  return {
    cells,
    truth: {
      pool: poolParts === null ? null : poolParts.join('|'),
      poolParts,
      start: datesValid ? start : null,
      end: datesValid ? end : null,
      active: datesValid && poolParts !== null && !INACTIVE_STATUSES.has(plan.status.toLowerCase()),
    },
  };
}

/** A day as Excel keeps it: usually a serial (sometimes with a time of day), sometimes typed text. */
function dateCell(day: number, random: () => number): CellValue {
  const roll = random();
  if (roll < P.isoText) return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
  if (roll < P.isoText + P.monthText) {
    const date = new Date(day * MS_PER_DAY);
    return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
  }
  if (roll < P.isoText + P.monthText + P.timeOfDay) return day + SERIAL_OF_DAY_ZERO + 0.375;
  return day + SERIAL_OF_DAY_ZERO;
}

/** `0D/0D/2026` with equal day and month reads the same either way. */
function dayOfText(text: string): number {
  const month = Number(text.slice(0, 2));
  return Date.UTC(2026, month - 1, month) / MS_PER_DAY;
}

/**
 * Reservations of one pool covering its bookings' days: usually the block's size in one or two rows;
 * sometimes less than a booking needs for a while (over capacity), sometimes with a gap (unreserved).
 */
function capacityFor(combo: Combo, block: string, blockChips: number, firstDay: number, lastDay: number, random: () => number): CellValue[][] {
  const row = (from: number, to: number, chips: number): CellValue[] => [
    combo.provider, combo.region, combo.silicon, block === '' ? null : block, chips, from + SERIAL_OF_DAY_ZERO, to + SERIAL_OF_DAY_ZERO,
  ];
  const roll = random();
  if (roll < 0.75 || lastDay - firstDay < 10) return [row(firstDay, lastDay, blockChips)];
  const middle = firstDay + Math.floor((lastDay - firstDay) / 2);
  // A second reservation that is half the block: bookings of the full block are over capacity then.
  if (roll < 0.83) return [row(firstDay, middle, blockChips), row(middle + 1, lastDay, Math.max(1, blockChips / 2))];
  // Two reservations with a week's gap: the bookings on those days are unreserved.
  if (roll < 0.92) return [row(firstDay, middle - 4, blockChips), row(middle + 4, lastDay, blockChips)];
  // A renewal that overlaps the first reservation by three weeks: twice the block on those days.
  return [row(firstDay, middle + 10, blockChips), row(middle - 10, lastDay, blockChips)];
}

function shuffle<T>(items: T[], random: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
}
