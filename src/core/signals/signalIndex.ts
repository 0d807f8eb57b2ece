import { CheckReport } from '../model/report';
import { LabNames } from './labNames';
import { buildPoolTimelines, PoolTimelines } from './poolTimelines';

/** What every signal of one report reads: each pool's timeline, the active bookings as columns, and the labs, each built once. */
export interface SignalIndex {
  readonly timelines: PoolTimelines;
  readonly labs: LabNames;
}

export function buildSignalIndex(report: CheckReport): SignalIndex {
  const labs = new LabNames();
  return { timelines: buildPoolTimelines(report, labs), labs };
}

const indexes = new WeakMap<CheckReport, SignalIndex>();

/** The report's index, built on first use and kept while the report lives, so the pane's calls share it. */
export function signalIndexOf(report: CheckReport): SignalIndex {
  let index = indexes.get(report);
  if (index === undefined) indexes.set(report, (index = buildSignalIndex(report)));
  return index;
}
