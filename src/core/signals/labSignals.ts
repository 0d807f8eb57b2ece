import { CheckReport } from '../model/report';
import { AsOf, LockedReason, lockedReasonOf, mobilityOf } from './bookingMobility';
import { ConflictStake, stakesOf } from './conflictStakes';
import { compareLabNames } from './labNames';
import { SignalIndex, signalIndexOf } from './signalIndex';

/** One lab's signals (docs/DOMAIN.md, "Stake and exposure" and "Portability and reallocation velocity"). */
export interface LabSignal {
  /** As the signals name labs: the first spelling in sheet order, "(no lab)" for an empty Lab. */
  readonly lab: string;
  /** Active bookings with chips holding a day from the as-of date on. */
  readonly bookings: number;
  /** Their chips × days from the as-of date on. */
  readonly chipDays: number;
  /** Of those, the chip-days that could move within 7 days to another provider without a port. */
  readonly movableChipDays: number;
  /** movableChipDays ÷ chipDays; null when the lab holds no chip-days from the as-of date. */
  readonly velocity: number | null;
  /** The other chip-days, by the one reason each booking is locked. */
  readonly locked: Readonly<Record<LockedReason, number>>;
  /** Open conflicts in which the lab's booking gives way. */
  readonly givingWay: number;
  /** The chip-hours at stake of those conflicts. */
  readonly exposureChipHours: number;
  /** The cost at stake of those of them that are priced; null when none is. */
  readonly exposureCost: number | null;
  /** The exposure's chip-hours of conflicts whose pool has no price. */
  readonly unpricedChipHours: number;
}

/** Every lab with an active booking, sorted by name ("(no lab)" last). */
export function labSignals(report: CheckReport, options: AsOf): LabSignal[] {
  const index = signalIndexOf(report);
  return labSignalsOf(report, index, options, stakesOf(report, index));
}

interface Tally {
  lab: string;
  bookings: number;
  chipDays: number;
  movableChipDays: number;
  locked: Record<LockedReason, number>;
  givingWay: number;
  exposureChipHours: number;
  exposureCost: number | null;
  unpricedChipHours: number;
}

export function labSignalsOf(report: CheckReport, index: SignalIndex, { asOf }: AsOf, stakes: ReadonlyMap<string, ConflictStake>): LabSignal[] {
  const tallies = new Map<string, Tally>();
  const tallyOf = (lab: string): Tally => {
    let tally = tallies.get(lab);
    if (tally === undefined) {
      tally = { lab, bookings: 0, chipDays: 0, movableChipDays: 0, locked: { 'single-provider silicon': 0, 'no free capacity': 0, 'needs a port': 0 }, givingWay: 0, exposureChipHours: 0, exposureCost: null, unpricedChipHours: 0 };
      tallies.set(lab, tally);
    }
    return tally;
  };
  // Numbered as the index numbers labs, so each booking's tally is one array look-up away.
  const byNumber = index.labs.names.map(tallyOf);
  const { booking, chipDays, outcome } = mobilityOf(report, index, asOf);
  const labOf = index.timelines.bookings.lab;
  for (let i = 0; i < booking.length; i++) {
    const tally = byNumber[labOf[booking[i]]];
    const locked = lockedReasonOf(outcome[i]);
    tally.bookings++;
    tally.chipDays += chipDays[i];
    if (locked === null) tally.movableChipDays += chipDays[i];
    else tally.locked[locked] += chipDays[i];
  }
  // Exposure counts open conflicts only: an accepted one has a stake, but someone agreed to carry it.
  for (const conflict of report.conflicts) {
    const stake = stakes.get(conflict.id);
    if (conflict.accepted || stake?.givesWay == null) continue;
    const tally = tallyOf(stake.givesWay.lab);
    tally.givingWay++;
    tally.exposureChipHours += stake.chipHours;
    if (stake.cost === null) tally.unpricedChipHours += stake.chipHours;
    else tally.exposureCost = (tally.exposureCost ?? 0) + stake.cost;
  }
  return [...tallies.values()]
    .sort((a, b) => compareLabNames(a.lab, b.lab))
    .map((tally) => ({ ...tally, velocity: tally.chipDays === 0 ? null : tally.movableChipDays / tally.chipDays }));
}
