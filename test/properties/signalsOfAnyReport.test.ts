import fc from 'fast-check';
import { CheckReport, signalsOf } from '../../src/core';
import { buildSignalWorkbook, signalWorkbookArb } from './signalWorkbooks';

/*
 * The signals read the pieces of days the check kept with its report. A report made otherwise (here a
 * copy, as a caller that changes a field would make) has none kept: its pieces are swept afresh, and its
 * signals must be the check's report's, capacity reserved for labs included.
 */

const SEED = process.env.FC_SEED === undefined ? 20260414 : Number(process.env.FC_SEED);

describe('signals of a report the check did not make', () => {
  it.each([false, true])('are those of the check\'s report on 400 random workbooks (Capacity table: %s)', (withCapacity) => {
    fc.assert(fc.property(signalWorkbookArb(withCapacity), (generated) => {
      const { report, asOf } = buildSignalWorkbook(generated);
      const copy: CheckReport = { ...report };
      expect(signalsOf(copy, { asOf })).toEqual(signalsOf(report, { asOf }));
    }), { numRuns: 400, seed: SEED });
  });
});
