import { CheckReport } from '../model/report';
import { ConflictStake, stakesOf } from './conflictStakes';
import { LabSignal, labSignalsOf } from './labSignals';
import { PoolWeeks, poolWeeksOf, PoolWeeksOptions } from './poolWeeks';
import { buildSignalIndex } from './signalIndex';

/** Every signal of a report: each conflict's stake, each lab's, each pool's weeks. */
export interface Signals {
  readonly stakes: ReadonlyMap<string, ConflictStake>;
  readonly labs: readonly LabSignal[];
  readonly poolWeeks: PoolWeeks;
}

/**
 * All the signals from one index of the report's pools, built afresh (each pool's timeline once), as the
 * CLI and the benchmark ask for them; `conflictStakes`, `labSignals` and `poolWeeks` share one kept per report.
 */
export function signalsOf(report: CheckReport, options: PoolWeeksOptions): Signals {
  const index = buildSignalIndex(report);
  const stakes = stakesOf(report, index);
  return { stakes, labs: labSignalsOf(report, index, options, stakes), poolWeeks: poolWeeksOf(index, options) };
}
