import { ExcelSimulator, SimulatorSheet } from '../../src/simulator';
import { BookingRow, HEADER, LAB_FILLS, rowCells } from '../fixtures/bookingRows';

export { HEADER, serial } from '../fixtures/bookingRows';

/** A row of the usual allocation table, its cells in HEADER order. */
export type Row = Array<string | number>;

/** The row of a booking given by its fields (status confirmed unless given). */
export function booking(fields: BookingRow): Row {
  return rowCells(fields);
}

/** The motivating incident and friends: rows 2 and 3 double-book Trainium2 in us-east-1; row 4 white, row 5 no fill. */
export function incidentRows(): Row[] {
  return [
    booking({ id: 'P-1', lab: 'Lab A', team: 'Pretrain', workload: 'pre-training', provider: 'AWS', region: 'us-east-1', silicon: 'Trainium2', chips: 2048, start: '2026-03-09', end: '2026-03-22' }),
    booking({ id: 'P-2', lab: 'Lab B', team: 'FT sprint', workload: 'fine-tuning', provider: 'AWS', region: 'us-east-1', silicon: 'Trainium2', chips: 512, start: '2026-03-09', end: '2026-03-22', status: 'tentative' }),
    booking({ id: 'P-3', lab: 'Lab C', team: 'Serve', workload: 'inference', provider: 'Google Cloud', region: 'us-east5', silicon: 'TPU v5p', chips: 128, start: '2026-03-01', end: '2026-03-31' }),
    booking({ id: 'P-4', lab: 'Lab A', team: 'Eval', workload: 'evaluation', provider: 'AWS', region: 'us-east-2', silicon: 'H200', chips: 64, start: '2026-04-01', end: '2026-04-10' }),
  ];
}

/** Fills per row: row 2 and 3 in their lab colours, row 4 explicit white, row 5 no fill. */
export function incidentFills(): Record<string, string> {
  return { 'A2:L2': LAB_FILLS['Lab A'], 'A3:L3': LAB_FILLS['Lab B'], 'A4:L4': '#FFFFFF' };
}

export function simulatorWith(rows: readonly Row[], fills: Record<string, string> = {}, extraSheets: SimulatorSheet[] = []): ExcelSimulator {
  return new ExcelSimulator({ sheets: [{ name: 'Allocations', rows: [[...HEADER], ...rows], fills }, ...extraSheets] });
}

/** Every fill of the allocation table's cells, for comparing before and after. */
export function fillsOf(sim: ExcelSimulator, sheet: string, lastRow: number, lastColumn = 'L'): Record<string, string | null> {
  const fills: Record<string, string | null> = {};
  for (let row = 1; row <= lastRow; row++) {
    for (let code = 'A'.charCodeAt(0); code <= lastColumn.charCodeAt(0); code++) {
      const address = `${String.fromCharCode(code)}${row}`;
      fills[address] = sim.fillAt(sheet, address);
    }
  }
  return fills;
}

/** What the log's When holds for a moment: the Excel date-time serial of the user's local time, and how it shows. */
export function loggedWhen(moment: Date): { serial: number; text: string } {
  const pad = (n: number) => String(n).padStart(2, '0');
  const days = Date.UTC(moment.getFullYear(), moment.getMonth(), moment.getDate()) / 86_400_000 + 25_569;
  return {
    serial: days + (moment.getHours() * 3600 + moment.getMinutes() * 60 + moment.getSeconds()) / 86_400,
    text: `${moment.getFullYear()}-${pad(moment.getMonth() + 1)}-${pad(moment.getDate())} ${pad(moment.getHours())}:${pad(moment.getMinutes())}`,
  };
}
