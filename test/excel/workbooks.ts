import { dayFromYmd, serialFromDay } from '../../src/core';
import { ExcelSimulator, SimulatorSheet } from '../../src/simulator/ExcelSimulator';

/** Excel 1900-system serial of an ISO day, as a date cell holds it. */
export function serial(iso: string): number {
  const [year, month, day] = iso.split('-').map(Number);
  return serialFromDay(dayFromYmd(year, month, day) as number, false);
}

export const HEADER = ['ID', 'Lab', 'Team', 'Workload', 'Provider', 'Region', 'Silicon', 'Chips', 'Start', 'End', 'Status', 'Notes'];

/** Lab colours as planners use them, and the cells of one row across A:L. */
export const LAB_COLOURS: Record<string, string> = { 'Lab A': '#FCE4D6', 'Lab B': '#DDEBF7', 'Lab C': '#E2EFDA' };

export type Row = [string, string, string, string, string, string, string, number | string, number | string, number | string, string, string];

export function booking(id: string, lab: string, team: string, workload: string, provider: string, region: string, silicon: string, chips: number, start: string, end: string, status = 'confirmed', notes = ''): Row {
  return [id, lab, team, workload, provider, region, silicon, chips, serial(start), serial(end), status, notes];
}

/** The motivating incident and friends: rows 2 and 3 double-book Trainium2 in us-east-1; row 4 white, row 5 no fill. */
export function incidentRows(): Row[] {
  return [
    booking('P-1', 'Lab A', 'Pretrain', 'pre-training', 'AWS', 'us-east-1', 'Trainium2', 2048, '2026-03-09', '2026-03-22'),
    booking('P-2', 'Lab B', 'FT sprint', 'fine-tuning', 'AWS', 'us-east-1', 'Trainium2', 512, '2026-03-09', '2026-03-22', 'tentative'),
    booking('P-3', 'Lab C', 'Serve', 'inference', 'Google Cloud', 'us-east5', 'TPU v5p', 128, '2026-03-01', '2026-03-31'),
    booking('P-4', 'Lab A', 'Eval', 'evaluation', 'AWS', 'us-east-2', 'H200', 64, '2026-04-01', '2026-04-10'),
  ];
}

/** Fills per row: row 2 and 3 in their lab colours, row 4 explicit white, row 5 no fill. */
export function incidentFills(): Record<string, string> {
  return { 'A2:L2': LAB_COLOURS['Lab A'], 'A3:L3': LAB_COLOURS['Lab B'], 'A4:L4': '#FFFFFF' };
}

export function simulatorWith(rows: readonly Row[], fills: Record<string, string> = {}, extraSheets: SimulatorSheet[] = []): ExcelSimulator {
  return new ExcelSimulator({ sheets: [{ name: 'Allocations', rows: [HEADER, ...rows], fills }, ...extraSheets] });
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
