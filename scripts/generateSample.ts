/**
 * Writes assets/sample-capacity.xlsx: a quarter of shared accelerator bookings as planners keep them
 * (title above the header, a fill per lab, formulas for TFLOPS), a Capacity sheet of reserved blocks and a
 * Resolution log. Seeded, so every run writes the same workbook; it checks its own output before saving.
 *
 *   npx tsx scripts/generateSample.ts [out.xlsx]
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { checkWorkbook, formatIsoDay } from '../src/core';
import { snapshotFromExcelJs } from '../src/xlsx/snapshotFromExcelJs';
import { seededRandom } from './seededRandom';

export const SAMPLE_PATH = path.join(__dirname, '..', 'assets', 'sample-capacity.xlsx');

/** Dense BF16 TFLOPS per chip, from docs/DOMAIN.md's catalog; null where the vendor publishes none. */
const PEAK_TFLOPS: Readonly<Record<string, number | null>> = {
  Trainium1: 190, Trainium2: 667, 'TPU v4': 275, 'TPU v5e': 197, 'TPU v5p': 459, 'TPU v6e': 918, TPU7x: 2307,
  'A100 80GB': 312, 'H100 SXM': 989, H200: 989, B200: 2250, GB200: 2500, MI300X: 1307, MI355X: null,
};

const LABS = ['Lab A', 'Lab B', 'Lab C', 'Lab D', 'Lab E', 'Lab F'] as const;
type Lab = (typeof LABS)[number];

/** Pale row fills, one per lab, as planners colour-code the sheet (none of them the conflict yellow). */
const LAB_FILLS: Readonly<Record<Lab, string>> = {
  'Lab A': 'FFDDEBF7', 'Lab B': 'FFE2EFDA', 'Lab C': 'FFFCE4D6', 'Lab D': 'FFEDE2F6', 'Lab E': 'FFDDF0EE', 'Lab F': 'FFEDEDED',
};

const TEAMS: Readonly<Record<Lab, readonly string[]>> = {
  'Lab A': ['Pretraining', 'Post-training', 'Serving', 'Evals'],
  'Lab B': ['Foundation', 'Alignment', 'Serving'],
  'Lab C': ['Core Models', 'Fine-tuning', 'Applied'],
  'Lab D': ['Inference Platform', 'Research'],
  'Lab E': ['Evals', 'Multimodal'],
  'Lab F': ['Speech', 'Research', 'Fine-tuning'],
};

const OWNERS: Readonly<Record<Lab, readonly string[]>> = {
  'Lab A': ['Priya Natarajan', 'Tom Okafor', 'Mei Lin'],
  'Lab B': ['Jonas Berg', 'Aisha Rahman', 'Carlos Ruiz'],
  'Lab C': ['Hannah Weiss', 'Kenji Sato'],
  'Lab D': ['Fatima Zahra', 'Luca Romano', 'Sam Park'],
  'Lab E': ['Olga Ivanova', 'Dev Mehta'],
  'Lab F': ['Grace Mensah', 'Yusuf Demir', 'Ana Sousa'],
};

const WORKLOADS = ['pre-training', 'fine-tuning', 'inference', 'evaluation', 'research'] as const;
type Workload = (typeof WORKLOADS)[number];

/** Typical length in days of each kind of run. */
const DURATION: Readonly<Record<Workload, readonly [number, number]>> = {
  'pre-training': [21, 45], 'fine-tuning': [5, 14], inference: [14, 40], evaluation: [2, 6], research: [7, 21],
};

const NOTES = [
  'Checkpoint every 2h to S3', 'Needs EFA / InfiniBand', 'Blocked on data pipeline sign-off', 'Can pre-empt if needed',
  'Weekly eval sweep', 'Shared with partner team', 'Extend if loss still dropping', 'Low priority, fill gaps',
  'Needs 2 TB NVMe scratch per node', 'Holds the serving canary',
];

/** The quarter the workbook plans: Q2 2026. */
const QUARTER_START = day(2026, 4, 1);
const QUARTER_END = day(2026, 6, 30);

function day(year: number, month: number, dayOfMonth: number): number {
  return Date.UTC(year, month - 1, dayOfMonth) / 86_400_000;
}


interface Block {
  readonly id: string;
  readonly provider: string;
  readonly region: string;
  readonly silicon: string;
  readonly chips: number;
  readonly start: number;
  readonly end: number;
  readonly reservedFor: Lab | 'Shared';
  readonly contract: string;
  /** Lanes as fractions of the block; bookings inside one lane never overlap, so the block is never over-booked. */
  readonly lanes?: readonly number[];
}

const FULL = { start: QUARTER_START, end: QUARTER_END };
const BLOCKS: readonly Block[] = [
  // The motivating incident: a two-week Trainium2 capacity block booked twice.
  { id: 'trn2-use2-cb-07', provider: 'AWS', region: 'us-east-2', silicon: 'Trainium2', chips: 1024, start: day(2026, 4, 14), end: day(2026, 4, 27), reservedFor: 'Shared', contract: 'EC2 Capacity Block (14 days)' },
  { id: 'trn2-use2-ultra-02', provider: 'AWS', region: 'us-east-2', silicon: 'Trainium2', chips: 4096, ...FULL, reservedFor: 'Lab A', contract: 'Trn2 UltraServer reservation', lanes: [0.5, 0.25, 0.25] },
  { id: 'trn2-usw2-01', provider: 'AWS', region: 'us-west-2', silicon: 'Trainium2', chips: 2048, ...FULL, reservedFor: 'Lab C', contract: 'Savings plan', lanes: [0.5, 0.5] },
  { id: 'trn1-use1-04', provider: 'AWS', region: 'us-east-1', silicon: 'Trainium1', chips: 1024, ...FULL, reservedFor: 'Lab F', contract: 'On-demand capacity reservation', lanes: [0.5, 0.25, 0.25] },
  { id: 'p5-use1-cb-12', provider: 'AWS', region: 'us-east-1', silicon: 'H100 SXM', chips: 512, ...FULL, reservedFor: 'Lab B', contract: 'EC2 Capacity Block', lanes: [0.5, 0.25, 0.25] },
  { id: 'p5e-use2-01', provider: 'AWS', region: 'us-east-2', silicon: 'H200', chips: 256, ...FULL, reservedFor: 'Lab D', contract: 'On-demand capacity reservation', lanes: [0.5, 0.5] },
  { id: 'p4de-usw2-01', provider: 'AWS', region: 'us-west-2', silicon: 'A100 80GB', chips: 512, ...FULL, reservedFor: 'Lab E', contract: 'Reserved instances', lanes: [0.25, 0.25, 0.25, 0.25] },
  { id: 'v5p-usc1-pod-a', provider: 'Google Cloud', region: 'us-central1', silicon: 'TPU v5p', chips: 2048, ...FULL, reservedFor: 'Lab B', contract: 'Committed use, 1 year' },
  { id: 'v6e-use5-01', provider: 'Google Cloud', region: 'us-east5', silicon: 'TPU v6e', chips: 2048, ...FULL, reservedFor: 'Lab B', contract: 'Committed use, 1 year', lanes: [0.5, 0.25, 0.125, 0.125] },
  { id: 'v6e-euw4-01', provider: 'Google Cloud', region: 'europe-west4', silicon: 'TPU v6e', chips: 1024, ...FULL, reservedFor: 'Lab E', contract: 'Committed use, 1 year', lanes: [0.5, 0.5] },
  { id: 'v5e-usw4-serve', provider: 'Google Cloud', region: 'us-west4', silicon: 'TPU v5e', chips: 512, ...FULL, reservedFor: 'Lab B', contract: 'Committed use, 3 years', lanes: [0.5, 0.25, 0.25] },
  { id: 'tpu7x-usc1-01', provider: 'Google Cloud', region: 'us-central1', silicon: 'TPU7x', chips: 1024, start: day(2026, 5, 1), end: QUARTER_END, reservedFor: 'Lab A', contract: 'Calendar-mode reservation', lanes: [0.5, 0.5] },
  { id: 'a3-use4-01', provider: 'Google Cloud', region: 'us-east4', silicon: 'H100 SXM', chips: 512, ...FULL, reservedFor: 'Lab F', contract: 'Calendar-mode reservation', lanes: [0.5, 0.25, 0.25] },
  { id: 'v4-usc2-01', provider: 'Google Cloud', region: 'us-central2', silicon: 'TPU v4', chips: 1024, ...FULL, reservedFor: 'Lab E', contract: 'Committed use, 1 year', lanes: [0.5, 0.5] },
  { id: 'ndh100-eus-01', provider: 'Microsoft Azure', region: 'eastus', silicon: 'H100 SXM', chips: 1024, ...FULL, reservedFor: 'Shared', contract: 'Reserved VM instances' },
  { id: 'ndmi300x-weu-01', provider: 'Microsoft Azure', region: 'westeurope', silicon: 'MI300X', chips: 512, ...FULL, reservedFor: 'Lab D', contract: 'Reserved VM instances', lanes: [0.5, 0.5] },
  { id: 'ndgb200-eus2-01', provider: 'Microsoft Azure', region: 'eastus2', silicon: 'GB200', chips: 2304, ...FULL, reservedFor: 'Lab D', contract: 'Reserved VM instances', lanes: [0.5, 0.25, 0.25] },
  { id: 'oci-b200-chi-01', provider: 'Oracle Cloud', region: 'us-chicago-1', silicon: 'B200', chips: 1024, ...FULL, reservedFor: 'Lab C', contract: 'Capacity reservation', lanes: [0.5, 0.5] },
  { id: 'oci-h200-ash-01', provider: 'Oracle Cloud', region: 'us-ashburn-1', silicon: 'H200', chips: 512, ...FULL, reservedFor: 'Lab F', contract: 'Capacity reservation', lanes: [0.5, 0.25, 0.25] },
  { id: 'oci-mi355x-phx-01', provider: 'Oracle Cloud', region: 'us-phoenix-1', silicon: 'MI355X', chips: 256, ...FULL, reservedFor: 'Lab D', contract: 'Capacity reservation', lanes: [0.5, 0.5] },
  { id: 'cw-h200-use04', provider: 'CoreWeave', region: 'US-EAST-04', silicon: 'H200', chips: 2048, ...FULL, reservedFor: 'Lab C', contract: 'Dedicated cluster' },
  { id: 'cw-gb200-usw01', provider: 'CoreWeave', region: 'US-WEST-01', silicon: 'GB200', chips: 1152, ...FULL, reservedFor: 'Lab E', contract: 'Dedicated cluster', lanes: [0.5, 0.25, 0.25] },
  { id: 'lambda-h100-tx', provider: 'Lambda', region: 'us-south-1', silicon: 'H100 SXM', chips: 512, ...FULL, reservedFor: 'Lab F', contract: '1-Click Cluster', lanes: [0.5, 0.5] },
  { id: 'lambda-b200-use3', provider: 'Lambda', region: 'us-east-3', silicon: 'B200', chips: 256, ...FULL, reservedFor: 'Lab B', contract: '1-Click Cluster', lanes: [0.5, 0.5] },
  { id: 'mem-dc1', provider: 'Self-built', region: 'Memphis', silicon: 'H100 SXM', chips: 100_000, ...FULL, reservedFor: 'Lab A', contract: 'Own data centre' },
];
/** Capacity added to a block: a second reservation on a pool adds to the first. */
const EXTRA_CAPACITY = [
  { block: 'p5-use1-cb-12', chips: 256, start: day(2026, 5, 1), end: QUARTER_END, contract: 'EC2 Capacity Block top-up' },
  // The block's two weeks were extended by two more at half the size: where a bumped run can go.
  { block: 'trn2-use2-cb-07', chips: 512, start: day(2026, 4, 28), end: day(2026, 5, 11), contract: 'EC2 Capacity Block extension (14 days)' },
];

interface Row {
  id: string;
  lab: Lab;
  team: string;
  workload: Workload;
  provider: string;
  region: string;
  silicon: string;
  block: string;
  chips: number | string;
  start: number | string;
  end: number | string | null;
  /** Formula of chips × peak, unless typed by hand. */
  tflops: 'formula' | number | null;
  status: 'confirmed' | 'tentative' | 'cancelled' | 'released';
  priority: string;
  owner: string;
  notes: string;
  planned: boolean;
}

/** A conflict the sample contains on purpose; the generator refuses to save when the check finds others. */
interface PlannedConflict {
  readonly silicon: string;
  readonly start: number;
  readonly end: number;
  readonly accepted?: { who: string; reason: string };
}

function buildRows(random: () => number): { rows: Row[]; conflicts: PlannedConflict[] } {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const between = (low: number, high: number): number => low + Math.floor(random() * (high - low + 1));
  /**
   * Who books a lane of a lab's reserved block: its owner, and about one booking in thirty another lab
   * (on someone else's capacity: foreign-capacity). The other lab is drawn either way, so the rest of the
   * sample stays as it was when that share was higher.
   */
  const laneLab = (owner: Lab): Lab => {
    const share = random();
    if (share < 0.85) return owner;
    const other = pick(LABS);
    return share < 0.965 ? owner : other;
  };
  const blockById = new Map(BLOCKS.map((block) => [block.id, block]));
  const rows: Row[] = [];
  const booking = (blockId: string, lab: Lab, fields: Partial<Row> & Pick<Row, 'workload' | 'chips' | 'start' | 'end'>): Row => {
    const block = blockById.get(blockId) as Block;
    const row: Row = {
      id: '', lab, team: pick(TEAMS[lab]), provider: block.provider, region: block.region, silicon: block.silicon, block: block.id,
      tflops: PEAK_TFLOPS[block.silicon] === null ? null : 'formula', status: random() < 0.85 ? 'confirmed' : 'tentative',
      priority: fields.workload === 'pre-training' ? 'P0' : pick(['P1', 'P1', 'P2', 'P3']), owner: pick(OWNERS[lab]),
      notes: random() < 0.3 ? pick(NOTES) : '', planned: false, ...fields,
    };
    rows.push(row);
    return row;
  };

  for (const block of BLOCKS) {
    if (block.lanes === undefined) continue;
    const silicon = block.silicon;
    const workloads: readonly Workload[] = silicon === 'TPU v5e' ? ['inference', 'inference', 'evaluation'] : WORKLOADS;
    for (const fraction of block.lanes) {
      const laneChips = Math.round(block.chips * fraction);
      let cursor = block.start + between(0, 4);
      for (;;) {
        const workload = pick(workloads);
        const [shortest, longest] = DURATION[workload];
        const end = Math.min(cursor + between(shortest, longest) - 1, block.end);
        if (end - cursor < 1) break;
        const lab = block.reservedFor === 'Shared' ? pick(LABS) : laneLab(block.reservedFor);
        const chips = workload === 'evaluation' && laneChips >= 16 && random() < 0.5 ? laneChips / 2 : laneChips;
        booking(block.id, lab, { workload, chips, start: cursor, end });
        // A gap of zero days makes bookings touch (one ends the day before the next starts): still no conflict.
        cursor = end + 1 + between(0, 5);
        if (cursor > block.end - 1) break;
      }
    }
  }
  // Cancelled and released rows overlap freely: they hold no capacity.
  for (const row of rows.filter((_, index) => index % 41 === 7)) {
    booking(row.block, row.lab, { workload: row.workload, chips: row.chips, start: row.start, end: row.end, status: 'cancelled', notes: 'Moved to next quarter' });
  }

  const planned = (blockId: string, lab: Lab, fields: Partial<Row> & Pick<Row, 'workload' | 'chips' | 'start' | 'end'>) =>
    booking(blockId, lab, { status: 'confirmed', notes: '', ...fields, planned: true });
  // The incident: Lab A's pre-training run and Lab C's fine-tuning sprint on the same two weeks of Trainium2.
  planned('trn2-use2-cb-07', 'Lab A', { team: 'Pretraining', workload: 'pre-training', chips: 1024, start: day(2026, 4, 14), end: day(2026, 4, 27), priority: 'P0', owner: 'Priya Natarajan', notes: 'Capacity block bought for the 70B run' });
  planned('trn2-use2-cb-07', 'Lab C', { team: 'Fine-tuning', workload: 'fine-tuning', chips: 512, start: day(2026, 4, 14), end: day(2026, 4, 27), priority: 'P1', owner: 'Kenji Sato', notes: 'Sprint before the customer launch' });
  // An evaluation sweep started before the pre-training run it evaluates had finished.
  planned('v5p-usc1-pod-a', 'Lab B', { team: 'Foundation', workload: 'pre-training', chips: 2048, start: QUARTER_START, end: day(2026, 5, 31), priority: 'P0', owner: 'Jonas Berg' });
  planned('v5p-usc1-pod-a', 'Lab E', { team: 'Evals', workload: 'evaluation', chips: 256, start: day(2026, 5, 25), end: day(2026, 6, 3), priority: 'P2', owner: 'Olga Ivanova' });
  planned('v5p-usc1-pod-a', 'Lab B', { team: 'Alignment', workload: 'fine-tuning', chips: 1024, start: day(2026, 6, 4), end: QUARTER_END, priority: 'P1', owner: 'Aisha Rahman' });
  planned('v5p-usc1-pod-a', 'Lab B', { team: 'Foundation', workload: 'pre-training', chips: 1024, start: day(2026, 5, 10), end: day(2026, 5, 20), status: 'released', owner: 'Jonas Berg', notes: 'Released: merged into the main run' });
  // A tentative fine-tune pencilled in three days before a research block ends.
  planned('ndh100-eus-01', 'Lab D', { team: 'Inference Platform', workload: 'inference', chips: 512, start: QUARTER_START, end: QUARTER_END, priority: 'P0', owner: 'Fatima Zahra' });
  planned('ndh100-eus-01', 'Lab D', { team: 'Research', workload: 'research', chips: 512, start: QUARTER_START, end: day(2026, 4, 30), owner: 'Luca Romano' });
  planned('ndh100-eus-01', 'Lab F', { team: 'Fine-tuning', workload: 'fine-tuning', chips: 512, start: day(2026, 4, 28), end: day(2026, 5, 12), status: 'tentative', owner: 'Ana Sousa' });
  planned('ndh100-eus-01', 'Lab F', { team: 'Speech', workload: 'research', chips: 512, start: day(2026, 5, 13), end: day(2026, 6, 20), owner: 'Grace Mensah' });
  // An inference launch booked onto a cluster that a pre-training run holds in full.
  planned('cw-h200-use04', 'Lab C', { team: 'Core Models', workload: 'pre-training', chips: 2048, start: day(2026, 5, 4), end: day(2026, 6, 14), priority: 'P0', owner: 'Hannah Weiss' });
  planned('cw-h200-use04', 'Lab C', { team: 'Applied', workload: 'fine-tuning', chips: 1024, start: day(2026, 4, 6), end: day(2026, 4, 24), owner: 'Kenji Sato' });
  planned('cw-h200-use04', 'Lab F', { team: 'Speech', workload: 'inference', chips: 256, start: day(2026, 6, 10), end: QUARTER_END, priority: 'P1', owner: 'Yusuf Demir' });
  // The lab's own cluster, over-subscribed for a week by a low-priority evaluation (accepted in the log).
  planned('mem-dc1', 'Lab A', { team: 'Pretraining', workload: 'pre-training', chips: 65_536, start: QUARTER_START, end: day(2026, 6, 15), priority: 'P0', owner: 'Tom Okafor' });
  planned('mem-dc1', 'Lab A', { team: 'Post-training', workload: 'research', chips: 32_768, start: day(2026, 4, 20), end: QUARTER_END, owner: 'Mei Lin' });
  planned('mem-dc1', 'Lab A', { team: 'Evals', workload: 'evaluation', chips: 4096, start: day(2026, 6, 8), end: day(2026, 6, 12), priority: 'P3', owner: 'Mei Lin', notes: 'Pre-emptible' });

  const conflicts: PlannedConflict[] = [
    { silicon: 'Trainium2', start: day(2026, 4, 14), end: day(2026, 4, 27) },
    { silicon: 'TPU v5p', start: day(2026, 5, 25), end: day(2026, 5, 31) },
    { silicon: 'H100 SXM', start: day(2026, 4, 28), end: day(2026, 4, 30) },
    { silicon: 'H200', start: day(2026, 6, 10), end: day(2026, 6, 14) },
    { silicon: 'H100 SXM', start: day(2026, 6, 8), end: day(2026, 6, 12), accepted: { who: 'Tom Okafor (Lab A)', reason: 'Own cluster; the evaluation is pre-emptible and yields to pre-training.' } },
  ];

  // People type rows as plans firm up: roughly by start date.
  const startOf = (row: Row) => (typeof row.start === 'number' ? row.start : 0);
  rows.sort((a, b) => startOf(a) - startOf(b) || a.block.localeCompare(b.block));
  rows.forEach((row, index) => {
    row.id = `BK-${String(1001 + index)}`;
  });
  addTypos(rows, random);
  return { rows, conflicts };
}

/** A few slips of the kind the checker exists for, on unplanned rows so the planned conflicts stay as they are. */
function addTypos(rows: Row[], random: () => number): void {
  const unplanned = (test: (row: Row) => boolean): Row => {
    const candidates = rows.filter((row) => !row.planned && row.status !== 'cancelled' && test(row));
    return candidates[Math.floor(random() * candidates.length)];
  };
  unplanned((row) => row.silicon === 'Trainium2').silicon = 'Trainuim2';
  unplanned((row) => row.provider === 'Google Cloud').provider = 'Gogle Cloud';
  unplanned((row) => row.region === 'us-central1').region = 'us-centrl1';
  // Typed day-first by someone meaning 4 May; month-first it would be 5 April. Never guessed.
  const ambiguous = unplanned((row) => typeof row.start === 'number' && row.start === day(2026, 5, 4));
  if (ambiguous !== undefined) ambiguous.start = '04/05/2026';
  else unplanned((row) => typeof row.start === 'number' && row.start > day(2026, 5, 1)).start = '04/05/2026';
  // Chips doubled after the TFLOPS was typed in by hand.
  const resized = unplanned((row) => row.tflops === 'formula' && typeof row.chips === 'number' && row.chips >= 64);
  resized.tflops = (resized.chips as number) * (PEAK_TFLOPS[resized.silicon] as number);
  resized.chips = (resized.chips as number) / 2;
  resized.notes = 'Halved after budget review';
  // Copied a row and forgot to change its ID.
  const copied = unplanned((row) => row.lab === 'Lab E');
  unplanned((row) => row.lab === 'Lab E' && row !== copied).id = copied.id;
  // Messy but valid: a count typed as text, a month-name date, an AWS zone for its region.
  const textChips = unplanned((row) => typeof row.chips === 'number' && row.chips >= 1000);
  textChips.chips = (textChips.chips as number).toLocaleString('en-US');
  const textDate = unplanned((row) => typeof row.end === 'number');
  textDate.end = formatMonthName(textDate.end as number);
  unplanned((row) => row.provider === 'AWS' && row.region === 'us-east-2').region = 'us-east-2b';
  // A tentative booking with its End still to be decided.
  unplanned((row) => row.status === 'tentative').end = null;
}

function formatMonthName(calendarDay: number): string {
  const date = new Date(calendarDay * 86_400_000);
  return `${date.toLocaleString('en-US', { month: 'short', timeZone: 'UTC' })} ${date.getUTCDate()}, ${date.getUTCFullYear()}`;
}

const asDate = (calendarDay: number): Date => new Date(calendarDay * 86_400_000);
const THIN = { style: 'thin' as const, color: { argb: 'FFBFBFBF' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F3864' } };
const HEADER_FONT: Partial<ExcelJS.Font> = { bold: true, color: { argb: 'FFFFFFFF' } };
const DATE_FORMAT = 'd-mmm-yyyy';

const ALLOCATION_COLUMNS = [
  ['ID', 10], ['Lab', 8], ['Team', 18], ['Workload', 13], ['Provider', 15], ['Region', 14], ['Silicon', 11], ['Block', 19],
  ['Chips', 9], ['Start', 12], ['End', 12], ['TFLOPS', 12], ['Status', 11], ['Priority', 8], ['Owner', 16], ['Notes', 36],
] as const;

function styleHeader(row: ExcelJS.Row): void {
  row.eachCell((cell) => {
    cell.style = { font: HEADER_FONT, fill: HEADER_FILL, border: BORDER, alignment: { vertical: 'middle' } };
  });
  row.height = 20;
}

function addAllocations(workbook: ExcelJS.Workbook, rows: readonly Row[]): void {
  const sheet = workbook.addWorksheet('Allocations', { views: [{ state: 'frozen', ySplit: 3 }], properties: { tabColor: { argb: 'FF1F3864' } } });
  sheet.columns = ALLOCATION_COLUMNS.map(([, width]) => ({ width }));
  sheet.mergeCells(1, 1, 1, ALLOCATION_COLUMNS.length);
  sheet.getCell(1, 1).value = 'Shared accelerator capacity — Q2 2026 allocation plan';
  sheet.getCell(1, 1).style = { font: { bold: true, size: 14 } };
  sheet.getCell(2, 1).value = 'End dates are inclusive. Colour your rows with your lab\'s fill; click Check conflicts before you save.';
  sheet.getCell(2, 1).style = { font: { italic: true, color: { argb: 'FF595959' } } };
  const header = sheet.getRow(3);
  header.values = ALLOCATION_COLUMNS.map(([name]) => name);
  styleHeader(header);
  sheet.autoFilter = { from: { row: 3, column: 1 }, to: { row: 3, column: ALLOCATION_COLUMNS.length } };

  rows.forEach((booking, index) => {
    const rowNumber = 4 + index;
    const peak = PEAK_TFLOPS[booking.silicon];
    const tflops =
      booking.tflops === 'formula' && peak !== null && peak !== undefined && typeof booking.chips === 'number'
        ? { formula: `I${rowNumber}*${peak}`, result: booking.chips * peak }
        : typeof booking.tflops === 'number' ? booking.tflops : null;
    const dateCell = (value: number | string | null) => (typeof value === 'number' ? asDate(value) : value);
    const row = sheet.getRow(rowNumber);
    row.values = [
      booking.id, booking.lab, booking.team, booking.workload, booking.provider, booking.region, booking.silicon, booking.block,
      booking.chips, dateCell(booking.start), dateCell(booking.end), tflops, booking.status, booking.priority, booking.owner, booking.notes || null,
    ];
    const fill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: LAB_FILLS[booking.lab] } };
    for (let column = 1; column <= ALLOCATION_COLUMNS.length; column++) {
      const cell = row.getCell(column);
      cell.style = {
        fill, border: BORDER,
        ...(column === 10 || column === 11 ? { numFmt: DATE_FORMAT } : {}),
        ...(column === 9 || column === 12 ? { numFmt: '#,##0' } : {}),
        ...(booking.status === 'cancelled' || booking.status === 'released' ? { font: { strike: true, color: { argb: 'FF808080' } } } : {}),
      };
    }
  });
}

const CAPACITY_COLUMNS = [
  ['Provider', 15], ['Region', 14], ['Silicon', 11], ['Block', 19], ['Chips', 10], ['Start', 12], ['End', 12], ['Reserved for', 13], ['Contract', 30],
] as const;

function addCapacity(workbook: ExcelJS.Workbook): void {
  const sheet = workbook.addWorksheet('Capacity', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = CAPACITY_COLUMNS.map(([, width]) => ({ width }));
  styleHeader(sheet.addRow(CAPACITY_COLUMNS.map(([name]) => name)));
  const addBlock = (block: Block, chips: number, start: number, end: number, contract: string) => {
    const row = sheet.addRow([block.provider, block.region, block.silicon, block.id, chips, asDate(start), asDate(end), block.reservedFor, contract]);
    row.eachCell((cell, column) => {
      cell.style = { border: BORDER, ...(column === 6 || column === 7 ? { numFmt: DATE_FORMAT } : column === 5 ? { numFmt: '#,##0' } : {}) };
    });
  };
  for (const block of BLOCKS) {
    addBlock(block, block.chips, block.start, block.end, block.contract);
    for (const extra of EXTRA_CAPACITY.filter((candidate) => candidate.block === block.id)) addBlock(block, extra.chips, extra.start, extra.end, extra.contract);
  }
}

function addResolutionLog(workbook: ExcelJS.Workbook, entries: ReadonlyArray<readonly ExcelJS.CellValue[]>): void {
  const sheet = workbook.addWorksheet('Resolution log');
  sheet.columns = [18, 20, 13, 9, 14, 10, 10, 60].map((width) => ({ width }));
  styleHeader(sheet.addRow(['When', 'Who', 'Conflict', 'Action', 'Rows', 'Before', 'After', 'Reason']));
  for (const entry of entries) sheet.addRow([...entry]).getCell(1).numFmt = 'yyyy-mm-dd hh:mm';
}

function newWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'capacity-checker sample generator';
  workbook.created = new Date(Date.UTC(2026, 2, 20, 9, 0));
  workbook.modified = workbook.created;
  return workbook;
}

/** The sample workbook, checked: throws when the check finds other conflicts than the planned ones. */
export async function buildSampleWorkbook(): Promise<ExcelJS.Workbook> {
  const { rows, conflicts } = buildRows(seededRandom(20260414));
  const draft = newWorkbook();
  addAllocations(draft, rows);
  addCapacity(draft);
  // Read back what was written, as the CLI will, to learn the conflicts' ids for the resolution log.
  const written = new ExcelJS.Workbook();
  await written.xlsx.load(await draft.xlsx.writeBuffer());
  const outcome = checkWorkbook(snapshotFromExcelJs(written));
  if (!outcome.ok) throw new Error(`sample is not checkable: ${outcome.problem}`);
  const found = outcome.report.conflicts;
  const describe = (silicon: string, start: number, end: number) => `${silicon} ${formatIsoDay(start)}..${formatIsoDay(end)}`;
  const want = conflicts.map((conflict) => describe(conflict.silicon, conflict.start, conflict.end)).sort();
  const got = found.map((conflict) => describe(conflict.pool.silicon, conflict.start, conflict.end)).sort();
  if (want.join('\n') !== got.join('\n')) throw new Error(`sample conflicts differ from the plan:\n  want ${want.join(', ')}\n  got  ${got.join(', ')}`);

  const log = conflicts.flatMap((conflict) => {
    if (conflict.accepted === undefined) return [];
    const match = found.find((candidate) => candidate.pool.silicon === conflict.silicon && candidate.start === conflict.start && candidate.end === conflict.end);
    if (match === undefined) return [];
    return [[new Date(Date.UTC(2026, 2, 19, 16, 42)), conflict.accepted.who, match.id, 'accept', match.rows.join(', '), null, null, conflict.accepted.reason]];
  });
  const workbook = newWorkbook();
  addAllocations(workbook, rows);
  addCapacity(workbook);
  addResolutionLog(workbook, log);
  return workbook;
}

/**
 * Sets every entry's modification time in a zip to one fixed instant, so regenerating the sample
 * gives the same bytes (JSZip, under ExcelJS, stamps entries with the current time).
 */
export function fixZipTimestamps(zip: Buffer): Buffer {
  const out = Buffer.from(zip);
  const DOS_TIME = 0;
  const DOS_DATE = ((2026 - 1980) << 9) | (3 << 5) | 20;
  const endOfDirectory = out.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (endOfDirectory < 0) throw new Error('not a zip file');
  const entries = out.readUInt16LE(endOfDirectory + 10);
  let offset = out.readUInt32LE(endOfDirectory + 16);
  for (let i = 0; i < entries; i++) {
    if (out.readUInt32LE(offset) !== 0x02014b50) throw new Error('corrupt zip central directory');
    out.writeUInt16LE(DOS_TIME, offset + 12);
    out.writeUInt16LE(DOS_DATE, offset + 14);
    const local = out.readUInt32LE(offset + 42);
    if (out.readUInt32LE(local) !== 0x04034b50) throw new Error('corrupt zip local header');
    out.writeUInt16LE(DOS_TIME, local + 10);
    out.writeUInt16LE(DOS_DATE, local + 12);
    offset += 46 + out.readUInt16LE(offset + 28) + out.readUInt16LE(offset + 30) + out.readUInt16LE(offset + 32);
  }
  return out;
}

/** The bytes of assets/sample-capacity.xlsx, the same on every run. */
export async function buildSampleBytes(): Promise<Buffer> {
  const workbook = await buildSampleWorkbook();
  return fixZipTimestamps(Buffer.from(await workbook.xlsx.writeBuffer()));
}

async function main(): Promise<void> {
  const target = process.argv[2] ?? SAMPLE_PATH;
  await fs.mkdir(path.dirname(target), { recursive: true });
  await fs.writeFile(target, await buildSampleBytes());
  process.stdout.write(`Wrote ${path.relative(process.cwd(), target)}\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`generateSample: ${(error as Error).message}\n`);
    process.exitCode = 1;
  });
}
