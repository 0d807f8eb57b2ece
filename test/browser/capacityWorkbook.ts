import ExcelJS from 'exceljs';
import { BookingRow, HEADER, LAB_FILLS } from '../fixtures/bookingRows';

export { LAST_COLUMN, PAINTED_COLUMNS } from '../fixtures/bookingRows';

/** Text that would run script if any part of the page rendered workbook text as HTML. */
export const XSS_PAYLOAD = '<img src=x onerror=alert(1)>';

const HEADER_FILL = '#1F3864';
const WHITE = '#FFFFFF';

/**
 * The bookings, from sheet row 2. Rows 2+3 are the motivating incident (Trainium2 in us-east-1 booked
 * twice over the same two weeks); rows 5+6 overlap on H100 in us-east-2 for five days; row 7 misspells
 * Trainium2; row 8 has an explicit white fill and row 9 no fill, and moving row 9's Start to 5 May makes
 * them collide on TPU v6e.
 */
export const BOOKINGS: readonly BookingRow[] = [
  { id: 'P-1', lab: 'Lab A', team: 'Pretrain', workload: 'pre-training', provider: 'AWS', region: 'us-east-1', silicon: 'Trainium2', chips: 2048, start: '2026-04-14', end: '2026-04-27', status: 'confirmed', notes: 'the big run' },
  { id: 'P-2', lab: 'Lab B', team: 'FT sprint', workload: 'fine-tuning', provider: 'AWS', region: 'us-east-1', silicon: 'Trainium2', chips: 512, start: '2026-04-14', end: '2026-04-27', status: 'tentative' },
  { id: 'P-3', lab: 'Lab C', team: 'Serve', workload: 'inference', provider: 'Google Cloud', region: 'us-east5', silicon: 'TPU v5p', chips: 128, start: '2026-03-01', end: '2026-03-31', status: 'confirmed' },
  { id: 'P-4', lab: 'Lab C', team: XSS_PAYLOAD, workload: 'evaluation', provider: 'AWS', region: 'us-east-2', silicon: 'H100', chips: 64, start: '2026-05-04', end: '2026-05-15', status: 'confirmed', notes: XSS_PAYLOAD },
  { id: 'P-5', lab: 'Lab A', team: 'Eval', workload: 'evaluation', provider: 'AWS', region: 'us-east-2', silicon: 'H100', chips: 64, start: '2026-05-11', end: '2026-05-20', status: 'confirmed' },
  { id: 'P-6', lab: 'Lab B', team: 'Tokenizer', workload: 'research', provider: 'AWS', region: 'us-east-1', silicon: 'Trainuim2', chips: 16, start: '2026-06-01', end: '2026-06-05', status: 'confirmed' },
  { id: 'P-7', lab: 'Lab B', team: 'Serve', workload: 'inference', provider: 'Google Cloud', region: 'us-central1', silicon: 'TPU v6e', chips: 256, start: '2026-05-01', end: '2026-05-10', status: 'confirmed' },
  { id: 'P-8', lab: 'Lab C', team: 'Evals', workload: 'evaluation', provider: 'Google Cloud', region: 'us-central1', silicon: 'TPU v6e', chips: 256, start: '2026-06-01', end: '2026-06-10', status: 'tentative' },
];
export const LAST_ROW = BOOKINGS.length + 1;
export const TRAINIUM_ROWS = [2, 3];
export const H100_ROWS = [5, 6];
export const TYPO_CELL = 'G7';
export const TPU_ROWS = [8, 9];

/** Each row's fill as planners colour them: the header dark, rows by lab, row 8 explicit white, row 9 none. */
export function rowFill(row: number): string | null {
  if (row === 1) return HEADER_FILL;
  if (row === 8) return WHITE;
  if (row === 9) return null;
  return LAB_FILLS[BOOKINGS[row - 2].lab];
}

export function addressesOf(rows: readonly number[], columns: readonly string[]): string[] {
  return rows.flatMap((row) => columns.map((column) => `${column}${row}`));
}

/** Every cell of the table, A1 to L9. */
export function tableAddresses(): string[] {
  const columns = HEADER.map((_, index) => String.fromCharCode(65 + index));
  return addressesOf(Array.from({ length: LAST_ROW }, (_, index) => index + 1), columns);
}

/** The workbook as .xlsx bytes, with a hidden and a very hidden sheet that must not get tabs. */
export async function buildCapacityWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Allocations');
  sheet.addRow([...HEADER]).font = { bold: true, color: { argb: 'FFFFFFFF' } };
  for (const booking of BOOKINGS) {
    const { id, lab, team, workload, provider, region, silicon, chips, start, end, status, notes } = booking;
    sheet.addRow([id, lab, team, workload, provider, region, silicon, chips, utcDay(start), utcDay(end), status ?? 'confirmed', notes || null]);
  }
  for (let row = 1; row <= LAST_ROW; row++) {
    const fill = rowFill(row);
    for (let column = 1; column <= HEADER.length; column++) {
      const cell = sheet.getCell(row, column);
      if (fill !== null) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${fill.slice(1)}` } };
      if (row > 1 && (column === 9 || column === 10)) cell.numFmt = 'd-mmm-yyyy';
    }
  }
  workbook.addWorksheet('Old plan', { state: 'hidden' }).getCell('A1').value = 'archived';
  workbook.addWorksheet('Secret', { state: 'veryHidden' }).getCell('A1').value = 'add-in state';
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A large plan: `rows` bookings, each on its own capacity block, except the last two, which collide. */
export async function buildLargeWorkbook(rows: number): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Allocations');
  sheet.addRow([...HEADER, 'Block']);
  for (let index = 0; index < rows; index++) {
    const start = new Date(Date.UTC(2026, 0, 1) + (index % 300) * 86_400_000);
    const end = new Date(start.getTime() + 2 * 86_400_000);
    const block = `B-${Math.min(index, rows - 2)}`;
    const collides = index === rows - 1;
    sheet.addRow([`L-${index + 1}`, `Lab ${index % 5}`, `Team ${index}`, 'research', 'AWS', 'us-east-1', 'H100', 8, collides ? sheet.getCell(index + 1, 9).value : start, collides ? sheet.getCell(index + 1, 10).value : end, 'confirmed', '', block]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function utcDay(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}
