import { checkWorkbook } from '../checkWorkbook';
import { CheckReport } from '../model/report';
import { CellValue, WorkbookSnapshot } from '../model/snapshot';

type Row = CellValue[];
const HEADER = ['ID', 'Lab', 'Provider', 'Region', 'Silicon', 'Chips', 'Start', 'End'];
const CAPACITY = ['Provider', 'Region', 'Silicon', 'Chips', 'Start', 'End', 'Reserved for'];
const pool = ['AWS', 'us-east-2', 'Trainium2'];

function check(bookings: Row[], capacity: Row[]): CheckReport {
  const snapshot: WorkbookSnapshot = { date1904: false, sheets: [{ name: 'Bookings', rows: [HEADER, ...bookings] }, { name: 'Capacity', rows: [CAPACITY, ...capacity] }] };
  const outcome = checkWorkbook(snapshot);
  if (!outcome.ok) throw new Error(outcome.problem);
  return outcome.report;
}

const codesOf = (report: CheckReport) => report.issues.filter((issue) => issue.sheet === 'Bookings').map((issue) => `${issue.cell} ${issue.severity} ${issue.code}`);

describe('exceeds-capacity', () => {
  const capacity = [[...pool, 2048, '2026-04-01', '2026-04-30', '']];

  it('is an error on the row that alone books more than its pool has, naming the day and both figures', () => {
    const report = check([['B-1', 'Lab A', ...pool, 512, '2026-04-10', '2026-04-12'], ['B-2', 'Lab B', ...pool, 9999, '2026-04-11', '2026-04-20']], capacity);
    expect(codesOf(report)).toEqual(['F3 error exceeds-capacity']);
    expect(report.issues[0].message).toBe('Books 9,999 chips on 11 Apr 2026, more than the 2,048 reserved for AWS us-east-2 Trainium2 that day: no other booking can fit beside it.');
  });

  it('still makes the conflict the over-booking is, the big row alone on the days nobody else holds', () => {
    const report = check([['B-1', 'Lab A', ...pool, 512, '2026-04-10', '2026-04-12'], ['B-2', 'Lab B', ...pool, 9999, '2026-04-11', '2026-04-20']], capacity);
    expect(report.conflicts.map((conflict) => conflict.rows)).toEqual([[2, 3]]);
  });

  it('is not raised on a booking that fits, nor on one outside the reserved days (that is unreserved)', () => {
    const report = check([['B-1', 'Lab A', ...pool, 2048, '2026-04-10', '2026-04-12'], ['B-2', 'Lab B', ...pool, 4096, '2026-05-02', '2026-05-03']], capacity);
    expect(codesOf(report)).toEqual(['G3 warning unreserved']);
  });

  it('counts every capacity row of the pool on the day, shared or not', () => {
    const report = check([['B-1', 'Lab A', ...pool, 3000, '2026-04-10', '2026-04-12']], [...capacity, [...pool, 1024, '2026-04-01', '2026-04-30', 'Lab A']]);
    expect(codesOf(report)).toEqual([]);
  });
});

describe('foreign-capacity', () => {
  const capacity = [[...pool, 1024, '2026-04-01', '2026-04-15', 'AURORA-AI'], [...pool, 1024, '2026-04-16', '2026-04-30', '']];

  it('warns on a booking holding days whose capacity is all reserved for another lab, naming the lab and days', () => {
    const report = check([['B-1', 'Borealis Labs', ...pool, 64, '2026-04-12', '2026-04-20']], capacity);
    expect(codesOf(report)).toEqual(['B2 warning foreign-capacity']);
    expect(report.issues[0].message).toBe('Holds capacity of AWS us-east-2 Trainium2 reserved for AURORA-AI on 12 Apr 2026 – 15 Apr 2026; move it to shared or own capacity, or agree it with AURORA-AI.');
  });

  it('is not raised on the lab’s own capacity, however its name is spelt, nor on shared days', () => {
    const report = check([['B-1', 'Aurora AI', ...pool, 64, '2026-04-12', '2026-04-20'], ['B-2', 'Borealis Labs', ...pool, 64, '2026-04-17', '2026-04-20']], capacity);
    expect(codesOf(report)).toEqual([]);
  });

  it('reads capacity reserved for "Shared" (or Any, All) as shared, not as a lab called Shared', () => {
    for (const shared of ['Shared', 'any', 'ALL']) {
      expect(codesOf(check([['B-1', 'Borealis Labs', ...pool, 64, '2026-04-12', '2026-04-14']], [[...pool, 1024, '2026-04-01', '2026-04-30', shared]]))).toEqual([]);
    }
  });

  it('is not raised on a booking with no Lab', () => {
    expect(codesOf(check([['B-1', '', ...pool, 64, '2026-04-12', '2026-04-14']], capacity))).toEqual([]);
  });

  it('counts no cancelled capacity row, shared or not', () => {
    const snapshot: WorkbookSnapshot = {
      date1904: false,
      sheets: [
        { name: 'Bookings', rows: [HEADER, ['B-1', 'Borealis Labs', ...pool, 64, '2026-04-12', '2026-04-14']] },
        { name: 'Capacity', rows: [[...CAPACITY, 'Status'], [...pool, 1024, '2026-04-01', '2026-04-30', '', 'released'], [...pool, 1024, '2026-04-01', '2026-04-30', 'Aurora AI', 'confirmed']] },
      ],
    };
    const outcome = checkWorkbook(snapshot);
    expect(outcome.ok && codesOf(outcome.report)).toEqual(['B2 warning foreign-capacity']);
  });
});

describe('no cascade from an unknown name', () => {
  it('gives a row whose provider, region or silicon is unknown that issue alone, with no capacity warning', () => {
    const report = check(
      [['B-1', 'Lab A', 'AWZ', 'us-east-2', 'Trainium2', 64, '2026-05-10', '2026-05-12'], ['B-2', 'Lab A', 'AWS', 'us-east-9', 'Trainium2', 64, '2026-05-10', '2026-05-12'], ['B-3', 'Lab A', 'AWS', 'us-east-2', 'Trainuim2', 9999, '2026-04-10', '2026-04-12']],
      [[...pool, 1024, '2026-04-01', '2026-04-30', 'Lab B']],
    );
    expect(codesOf(report)).toEqual(['C2 error unknown-provider', 'D3 error unknown-region', 'E4 error unknown-silicon']);
  });
});
