import fc from 'fast-check';
import { bookingMobility, labSignals, NO_LAB } from '../../src/core';
import { slowMobility } from '../oracle/slowVelocity';
import { buildSignalWorkbook, signalWorkbookArb, SignalWorkbook } from './signalWorkbooks';

/*
 * Random workbooks (with and without a Capacity table, with and without capacity reserved per lab,
 * cancelled rows, invalid chips, pools the catalog does not offer): the engine's velocity, booking by
 * booking and lab by lab, must be the slow oracle's, which tries every pool and start day day by day.
 */

const RUNS = 1500;
const SEED = process.env.FC_SEED === undefined ? 20260414 : Number(process.env.FC_SEED);

function assertMatches(generated: SignalWorkbook): void {
  const built = buildSignalWorkbook(generated);
  const expected = slowMobility({ bookings: built.bookings, capacity: built.capacity, catalog: built.catalog }, built.asOf);
  const actual = bookingMobility(built.report, { asOf: built.asOf });
  expect(new Map(actual.map((booking) => [booking.row, { chipDays: booking.chipDays, locked: booking.locked }]))).toEqual(expected);
  // In sheet order, as documented.
  expect(actual.map((booking) => booking.row)).toEqual(actual.map((booking) => booking.row).sort((a, b) => a - b));

  // Lab by lab, the same figures summed, labs named by their first spelling.
  const byLab = new Map<string, { chipDays: number; movable: number }>();
  for (const booking of built.bookings) {
    const found = expected.get(booking.sheetRow);
    if (found === undefined) continue;
    const key = booking.lab.replace(/\s+/g, '').toLowerCase();
    const tally = byLab.get(key) ?? { chipDays: 0, movable: 0 };
    tally.chipDays += found.chipDays;
    if (found.locked === null) tally.movable += found.chipDays;
    byLab.set(key, tally);
  }
  for (const lab of labSignals(built.report, { asOf: built.asOf })) {
    const key = lab.lab === NO_LAB ? '' : lab.lab.replace(/\s+/g, '').toLowerCase();
    const tally = byLab.get(key) ?? { chipDays: 0, movable: 0 };
    expect({ lab: lab.lab, chipDays: lab.chipDays, movable: lab.movableChipDays }).toEqual({ lab: lab.lab, chipDays: tally.chipDays, movable: tally.movable });
  }
}

describe('reallocation velocity matches the slow oracle', () => {
  it.each([false, true])(`on ${RUNS} random workbooks (Capacity table: %s)`, (withCapacity) => {
    fc.assert(fc.property(signalWorkbookArb(withCapacity), assertMatches), { numRuns: RUNS, seed: SEED });
  });

  it.each([false, true])('on 200 random workbooks of two crowded pools (Capacity table: %s)', (withCapacity) => {
    fc.assert(fc.property(signalWorkbookArb(withCapacity, true), assertMatches), { numRuns: 200, seed: SEED });
  });

  it.each([false, true])('generates every outcome often enough to prove something (Capacity table: %s)', (withCapacity) => {
    // Guards the generator: were one outcome rare, the comparison above would hardly test it.
    const counts = new Map<string, number>();
    for (const generated of fc.sample(signalWorkbookArb(withCapacity), { numRuns: 400, seed: SEED })) {
      const built = buildSignalWorkbook(generated);
      for (const result of slowMobility({ bookings: built.bookings, capacity: built.capacity, catalog: built.catalog }, built.asOf).values()) {
        counts.set(result.locked ?? 'movable', (counts.get(result.locked ?? 'movable') ?? 0) + 1);
      }
    }
    for (const outcome of ['movable', 'single-provider silicon', 'no free capacity', 'needs a port']) expect({ outcome, enough: (counts.get(outcome) ?? 0) > 40 }).toEqual({ outcome, enough: true });
  });
});
