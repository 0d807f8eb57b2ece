import fc from 'fast-check';
import { conflictCells, formatCellAddress, parseFillMemory, sheetCellAddress, STATE_SHEET, suggestionsFor } from '../../src/core';
import { CheckSession } from '../../src/excel/checkSession';
import { ExcelSimulator } from '../../src/simulator/ExcelSimulator';
import { HEADER, Row, serial } from '../excel/workbooks';

const RUNS = Number(process.env.NOTHING_LOST_RUNS ?? 150);
const POOLS = [
  ['AWS', 'us-east-1', 'Trainium2'],
  ['Amazon Web Services', 'us-east-1', 'trn2'],
  ['Google Cloud', 'us-central1', 'TPU v5p'],
  ['AWS', 'us-east-2', 'H200'],
] as const;
const FILLS = [null, '#FFFFFF', '#FCE4D6', '#DDEBF7', '#FFFF00', '#C6EFCE'] as const;
const LAST_COLUMN = HEADER.length - 1;

const rowArb = fc.record({
  pool: fc.integer({ min: 0, max: POOLS.length - 1 }),
  startOffset: fc.integer({ min: 0, max: 40 }),
  length: fc.integer({ min: 0, max: 15 }),
  chips: fc.integer({ min: 1, max: 512 }),
  status: fc.constantFrom('confirmed', 'tentative', 'cancelled', ''),
  // Dates and chips pasted as text, which Excel would turn into serials and numbers if written back as they are.
  asText: fc.boolean(),
  fills: fc.array(fc.constantFrom(...FILLS), { minLength: HEADER.length, maxLength: HEADER.length }),
});

function buildRows(generated: ReadonlyArray<{ pool: number; startOffset: number; length: number; chips: number; status: string; asText: boolean }>): Row[] {
  const base = serial('2026-04-01');
  const iso = (serialDay: number) => new Date(Date.UTC(1899, 11, 30) + serialDay * 86_400_000).toISOString().slice(0, 10);
  return generated.map((row, index) => {
    const [provider, region, silicon] = POOLS[row.pool];
    const start = base + row.startOffset;
    const [startCell, endCell, chips] = row.asText ? [iso(start), iso(start + row.length), String(row.chips)] : [start, start + row.length, row.chips];
    return [`R-${index}`, `Lab ${'ABC'[index % 3]}`, `team-${index}`, 'research', provider, region, silicon, chips, startCell, endCell, row.status, ''];
  });
}

const address = (sheetRow: number, column: number) => sheetCellAddress(sheetRow, column);

describe('check → paint → resolve → undo → re-check', () => {
  it(`leaves every value, and every fill not in a conflict, as it was (${RUNS} random workbooks)`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(rowArb, { minLength: 2, maxLength: 12 }), async (generated) => {
        const rows = buildRows(generated);
        const fills: Record<string, string> = {};
        generated.forEach((row, r) => row.fills.forEach((fill, c) => fill !== null && (fills[address(r + 2, c)] = fill)));
        const sim = new ExcelSimulator({ sheets: [{ name: 'Allocations', rows: [HEADER, ...rows], fills }] }).install(globalThis);
        try {
          const valuesBefore = sim.snapshotValues('Allocations');
          const fillBefore = (a: string) => fills[a] ?? null;
          const session = new CheckSession();
          await session.check();
          const report = session.getState().checked!.report;
          const conflict = report.conflicts[0];
          const shift = conflict === undefined ? undefined : suggestionsFor(report, conflict).shifts[0];
          if (shift !== undefined) {
            await session.apply(shift);
            expect(session.getState().notice?.kind).toBe('info');
            await session.undo();
            expect(session.getState().notice?.kind).toBe('info');
          }
          await session.check();

          expect(sim.snapshotValues('Allocations')).toEqual(valuesBefore);
          const finalReport = session.getState().checked!.report;
          const yellow = new Set(conflictCells(finalReport).map((cell) => formatCellAddress(cell)));
          const remembered = parseFillMemory(sim.sheetNames().includes(STATE_SHEET) ? sim.snapshotValues(STATE_SHEET) : []);
          for (let row = 1; row <= rows.length + 1; row++) {
            for (let column = 0; column <= LAST_COLUMN; column++) {
              const cell = address(row, column);
              if (yellow.has(cell)) {
                expect([cell, sim.fillAt('Allocations', cell)]).toEqual([cell, '#FFFF00']);
                expect([cell, remembered.get(`Allocations!${cell}`)?.original?.color ?? null]).toEqual([cell, fillBefore(cell)]);
              } else {
                expect([cell, sim.fillAt('Allocations', cell)]).toEqual([cell, fillBefore(cell)]);
              }
            }
          }
        } finally {
          sim.uninstall();
        }
      }),
      { numRuns: RUNS, seed: 20261129 },
    );
  }, 120_000);
});
