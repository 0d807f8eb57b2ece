import fc from 'fast-check';
import { conflictStakes, labSignals, NO_LAB } from '../../src/core';
import { dayByDayExcess, whoGivesWay } from '../oracle/dayByDayStakes';
import { buildSignalWorkbook, CATALOG_DATA, signalWorkbookArb, SignalWorkbook } from './signalWorkbooks';

/*
 * Random workbooks: each conflict's excess chip-days, counted day by day by the oracle, its chip-hours,
 * its cost (priced offerings only, else null), who gives way, and each lab's exposure must be the engine's.
 */

const RUNS = 1500;
const SEED = process.env.FC_SEED === undefined ? 20260414 : Number(process.env.FC_SEED);
const labKey = (lab: string) => lab.replace(/[\s\-_]+/g, '').toLowerCase();

function priceOf(catalog: number, provider: string, silicon: string): number | null {
  // The unlisted variant (catalog 1) carries no prices.
  if (catalog !== 0) return null;
  const offering = CATALOG_DATA.providers.find((spec) => spec.name === provider)?.offerings.find((spec) => spec.silicon === silicon);
  return offering?.pricePerChipHour ?? null;
}

function assertMatches(generated: SignalWorkbook): void {
  const built = buildSignalWorkbook(generated);
  const stakes = conflictStakes(built.report);
  const byRow = new Map(built.bookings.map((booking) => [booking.sheetRow, booking]));
  // The signals name a lab by its first spelling in sheet order among active bookings.
  const labName = (lab: string) => (labKey(lab) === '' ? NO_LAB : built.bookings.find((booking) => booking.active && labKey(booking.lab) === labKey(lab))?.lab.trim());
  const exposure = new Map<string, number>();
  expect(stakes.size).toBe(built.report.conflicts.length);
  for (const conflict of built.report.conflicts) {
    const first = byRow.get(conflict.rows[0]);
    if (first === undefined) throw new Error(`no booking on row ${conflict.rows[0]}`);
    const pool = [first.provider, first.region, first.silicon, first.block].join('|');
    const excess = dayByDayExcess(built.bookings, built.capacity, pool, conflict.start, conflict.end);
    const price = priceOf(generated.catalog, first.provider, first.silicon);
    const givesWay = whoGivesWay(conflict.rows.map((row) => byRow.get(row)).filter((booking) => booking !== undefined));
    const lab = labName(byRow.get(givesWay)?.lab ?? '') ?? '';
    expect(stakes.get(conflict.id)).toEqual({ excessChipDays: excess, chipHours: 24 * excess, cost: price === null ? null : 24 * excess * price, givesWay: { row: givesWay, lab } });
    exposure.set(lab, (exposure.get(lab) ?? 0) + 24 * excess);
  }
  for (const signal of labSignals(built.report, { asOf: built.asOf })) expect({ lab: signal.lab, exposure: signal.exposureChipHours }).toEqual({ lab: signal.lab, exposure: exposure.get(signal.lab) ?? 0 });
}

describe('conflict stakes match the day-by-day oracle', () => {
  it.each([false, true])(`on ${RUNS} random workbooks (Capacity table: %s)`, (withCapacity) => {
    fc.assert(fc.property(signalWorkbookArb(withCapacity), assertMatches), { numRuns: RUNS, seed: SEED });
  });

  it.each([false, true])('on 200 random workbooks of two crowded pools (Capacity table: %s)', (withCapacity) => {
    fc.assert(fc.property(signalWorkbookArb(withCapacity, true), assertMatches), { numRuns: 200, seed: SEED });
  });

  it.each([false, true])('generates conflicts with excess, priced and not (Capacity table: %s)', (withCapacity) => {
    const stakes = fc.sample(signalWorkbookArb(withCapacity), { numRuns: 300, seed: SEED }).flatMap((generated) => [...conflictStakes(buildSignalWorkbook(generated).report).values()]);
    expect(stakes.filter((stake) => stake.excessChipDays > 0).length).toBeGreaterThan(100);
    expect(stakes.filter((stake) => stake.cost !== null).length).toBeGreaterThan(20);
  });
});
