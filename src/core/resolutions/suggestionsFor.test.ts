import fc from 'fast-check';
import { dayFromYmd, formatIsoDay, serialFromDay } from '../model/calendarDay';
import { checkWorkbook } from '../checkWorkbook';
import { describeResolution } from '../presentation/describeResolution';
import { CellValue, WorkbookSnapshot } from '../model/snapshot';
import { priorityRank } from './givingWay';
import { MAX_SHIFT_DAYS, suggestionsFor } from './suggestionsFor';
import { CheckReport } from '../model/report';

const HEADER = ['Lab', 'Team', 'Provider', 'Region', 'Silicon', 'Chips', 'Start', 'End', 'Status', 'Priority'];
const CAPACITY_HEADER = ['Provider', 'Region', 'Silicon', 'Chips', 'Start', 'End'];

type Row = { lab?: string; team?: string; provider?: string; region?: string; silicon?: string; chips?: number; start: string; end: string; status?: string; priority?: string };

const serial = (iso: string): number => serialFromDay(dayFromYmd(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10))) as number, false);

function row(r: Row): CellValue[] {
  return [r.lab ?? 'Lab A', r.team ?? 'T', r.provider ?? 'AWS', r.region ?? 'us-east-1', r.silicon ?? 'Trainium2', r.chips ?? 64, serial(r.start), serial(r.end), r.status ?? 'confirmed', r.priority ?? ''];
}

type CapacityRow = { chips: number; start: string; end: string; region?: string; silicon?: string; lab?: string };

function report(rows: Row[], capacity?: CapacityRow[]): CheckReport {
  const sheets: WorkbookSnapshot['sheets'] = [{ name: 'Plan', rows: [HEADER, ...rows.map(row)] }];
  const withCapacity = capacity === undefined ? sheets : [...sheets, {
    name: 'Capacity',
    rows: [[...CAPACITY_HEADER, 'Reserved for'], ...capacity.map((c) => ['AWS', c.region ?? 'us-east-1', c.silicon ?? 'Trainium2', c.chips, serial(c.start), serial(c.end), c.lab ?? ''])],
  }];
  const outcome = checkWorkbook({ date1904: false, sheets: withCapacity });
  if (!outcome.ok) throw new Error(outcome.problem);
  return outcome.report;
}

const labels = (r: CheckReport) => {
  const options = suggestionsFor(r, r.conflicts[0]);
  return [...options.shifts, ...options.moves, ...options.shrinks].map((option) => describeResolution(r, option));
};

describe('suggestionsFor', () => {
  describe('the shift it suggests first', () => {
    it('moves the tentative booking rather than the confirmed one, by the fewest days that clear the conflict', () => {
      const r = report([
        { lab: 'Lab A', team: 'Pretrain', start: '2026-04-14', end: '2026-04-27' },
        { lab: 'Lab B', team: 'FT sprint', start: '2026-04-20', end: '2026-05-03', status: 'tentative' },
      ]);
      expect(labels(r)[0]).toBe('Shift Lab B / FT sprint by +8 days (28 Apr – 11 May 2026)');
    });

    it('moves the lower priority, then the later-booked row, when both are equally firm', () => {
      const byPriority = report([
        { lab: 'Lab A', start: '2026-04-14', end: '2026-04-20', priority: 'P2' },
        { lab: 'Lab B', start: '2026-04-14', end: '2026-04-20', priority: 'P0' },
      ]);
      expect(suggestionsFor(byPriority, byPriority.conflicts[0]).shifts[0].row).toBe(2);
      const byRow = report([{ lab: 'Lab A', start: '2026-04-14', end: '2026-04-20' }, { lab: 'Lab B', start: '2026-04-14', end: '2026-04-20' }]);
      expect(suggestionsFor(byRow, byRow.conflicts[0]).shifts[0].row).toBe(3);
    });

    it('goes earlier when later would collide with another booking and earlier is nearer', () => {
      const r = report([
        { lab: 'Lab A', start: '2026-04-10', end: '2026-04-20' },
        { lab: 'Lab B', start: '2026-04-18', end: '2026-04-22', status: 'tentative' },
        { lab: 'Lab C', start: '2026-04-23', end: '2026-06-30' },
        { lab: 'Lab D', start: '2026-03-01', end: '2026-04-04' },
      ]);
      expect(labels(r)[0]).toBe('Shift Lab B / T by −13 days (5 Apr – 9 Apr 2026)');
    });

    it('may end the day before the other starts: touching is not overlapping', () => {
      const r = report([{ lab: 'Lab A', start: '2026-04-14', end: '2026-04-27' }, { lab: 'Lab B', start: '2026-04-27', end: '2026-04-30', status: 'tentative' }]);
      const shift = suggestionsFor(r, r.conflicts[0]).shifts[0];
      expect([shift.row, shift.days, formatIsoDay(shift.start)]).toEqual([3, 1, '2026-04-28']);
    });

    it('with a Capacity table, moves only onto days that have the chips reserved', () => {
      const r = report(
        [{ lab: 'Lab A', chips: 1024, start: '2026-04-14', end: '2026-04-27' }, { lab: 'Lab C', chips: 512, start: '2026-04-14', end: '2026-04-27', status: 'tentative' }],
        [{ chips: 1024, start: '2026-04-14', end: '2026-04-27' }, { chips: 512, start: '2026-04-28', end: '2026-05-11' }],
      );
      expect(labels(r)[0]).toBe('Shift Lab C / T by +14 days (28 Apr – 11 May 2026)');
    });

    it('offers none when no single booking can move within a year onto reserved capacity', () => {
      const r = report(
        [{ lab: 'Lab A', chips: 1024, start: '2026-04-14', end: '2026-04-27' }, { lab: 'Lab C', chips: 512, start: '2026-04-14', end: '2026-04-27' }],
        [{ chips: 1024, start: '2026-04-14', end: '2026-04-27' }],
      );
      expect(suggestionsFor(r, r.conflicts[0]).shifts).toEqual([]);
    });
  });

  describe('moves', () => {
    it('offer free regions with the same silicon first, and say when a move needs a software port', () => {
      const r = report([
        { lab: 'Lab A', silicon: 'H100', start: '2026-04-14', end: '2026-04-27' },
        { lab: 'Lab B', silicon: 'H100', start: '2026-04-14', end: '2026-04-27', status: 'tentative' },
        { lab: 'Lab C', silicon: 'H100', region: 'us-east-2', start: '2026-04-01', end: '2026-05-30' },
      ]);
      const moves = suggestionsFor(r, r.conflicts[0]).moves;
      expect(moves[0]).toMatchObject({ row: 3, provider: 'AWS', sameSilicon: true, needsPort: false });
      expect(moves.map((move) => `${move.provider} ${move.region}`)).not.toContain('AWS us-east-2');
      expect(moves.every((move) => move.sameSilicon || !move.needsPort || describeResolution(r, move).includes('needs a port'))).toBe(true);
    });

    it('with a Capacity table, go only to pools with the chips free for the whole window, noting a port', () => {
      const r = report(
        [{ lab: 'Lab A', chips: 1024, start: '2026-04-14', end: '2026-04-27' }, { lab: 'Lab C', chips: 512, start: '2026-04-14', end: '2026-04-27', status: 'tentative' }],
        [{ chips: 1024, start: '2026-04-14', end: '2026-04-27' }, { chips: 512, silicon: 'H100', start: '2026-04-01', end: '2026-04-30' }, { chips: 256, region: 'us-west-2', start: '2026-04-01', end: '2026-04-30' }],
      );
      const moves = suggestionsFor(r, r.conflicts[0]).moves.map((move) => describeResolution(r, move));
      expect(moves).toContain('Move Lab C / T to AWS us-east-1 H100 SXM (needs a port from Neuron to CUDA)');
      expect(moves.some((move) => move.includes('us-west-2'))).toBe(false);
    });
  });

  describe('shrinks', () => {
    it('reduce one booking by the excess, only where it holds every over-booked day and has the chips to give', () => {
      const r = report(
        [{ lab: 'Lab A', chips: 1024, start: '2026-04-14', end: '2026-04-27' }, { lab: 'Lab C', chips: 512, start: '2026-04-14', end: '2026-04-27' }],
        [{ chips: 1024, start: '2026-04-14', end: '2026-04-27' }],
      );
      expect(suggestionsFor(r, r.conflicts[0]).shrinks.map((shrink) => describeResolution(r, shrink))).toEqual([
        'Shrink Lab A / T from 1,024 to 512 chips',
      ]);
    });
  });
});

describe('priorityRank', () => {
  it.each([['high', 'low'], ['P0', 'P2'], ['1', '3'], ['critical', 'medium']])('ranks %s above %s', (higher, lower) => {
    expect(priorityRank(higher)).toBeGreaterThan(priorityRank(lower));
  });
});

/** Every day of every pool over-booked in the report, as "pool|day". */
function overbookedDays(r: CheckReport): Set<string> {
  const days = new Set<string>();
  for (const conflict of r.conflicts) for (let day = conflict.start; day <= conflict.end; day++) days.add(`${conflict.pool.key}|${day}`);
  return days;
}

describe('the first shift for a conflict, on random pools (against checking every smaller shift)', () => {
  it('leaves the moved booking in no conflict, over-books no day that was free, and no smaller shift would do', () => {
    const booking = fc.record({ offset: fc.integer({ min: 0, max: 30 }), length: fc.integer({ min: 0, max: 12 }), tentative: fc.boolean() });
    fc.assert(
      fc.property(fc.array(booking, { minLength: 2, maxLength: 7 }), (generated) => {
        const rows = generated.map((g, i): Row => {
          const start = dayFromYmd(2026, 4, 1)! + g.offset;
          return { lab: `Lab ${i}`, start: formatIsoDay(start), end: formatIsoDay(start + g.length), status: g.tentative ? 'tentative' : 'confirmed' };
        });
        const before = report(rows);
        if (before.conflicts.length === 0) return;
        const conflict = before.conflicts[0];
        const [shift] = suggestionsFor(before, conflict).shifts;
        if (shift === undefined) return;
        const shifted = (days: number) =>
          report(rows.map((r, i) => (i + 2 !== shift.row ? r : { ...r, start: formatIsoDay(dayFromYmd(2026, 4, 1)! + generated[i].offset + days), end: formatIsoDay(dayFromYmd(2026, 4, 1)! + generated[i].offset + generated[i].length + days) })));
        // The conflict's days end free, the moved booking in no conflict, and no day that was free becomes over-booked.
        const conflictDays = Array.from({ length: conflict.end - conflict.start + 1 }, (_, k) => `${conflict.pool.key}|${conflict.start + k}`);
        const clears = (after: CheckReport) => {
          const was = overbookedDays(before);
          const now = overbookedDays(after);
          return conflictDays.every((day) => !now.has(day)) && after.conflicts.every((other) => !other.rows.includes(shift.row)) && [...now].every((day) => was.has(day));
        };
        expect(clears(shifted(shift.days))).toBe(true);
        for (let d = 1; d < Math.abs(shift.days); d++) {
          expect([d, clears(shifted(d)), clears(shifted(-d))]).toEqual([d, false, false]);
        }
        expect(Math.abs(shift.days)).toBeLessThanOrEqual(MAX_SHIFT_DAYS);
      }),
      { numRuns: 300, seed: 20261129 },
    );
  });
});

describe('suggestionsFor, beyond shifts', () => {
  describe('trims', () => {
    it('give up the booking’s days in the conflict at one end, and come before a longer shift of the same booking', () => {
      const r = report([
        { lab: 'Lab A', start: '2026-04-14', end: '2026-06-30' },
        { lab: 'Lab B', team: 'Serve', start: '2026-04-01', end: '2026-04-15', status: 'tentative' },
        { lab: 'Lab C', start: '2026-03-01', end: '2026-03-31' },
      ]);
      const options = suggestionsFor(r, r.conflicts[0]);
      expect(options.trims.map((trim) => describeResolution(r, trim))).toEqual([
        'Trim Lab B / Serve to 1 Apr – 13 Apr 2026 (2 days fewer)',
        'Trim Lab A / T to 16 Apr – 30 Jun 2026 (2 days fewer)',
      ]);
      expect(describeResolution(r, options.ranked[0])).toBe('Trim Lab B / Serve to 1 Apr – 13 Apr 2026 (2 days fewer)');
      // Shifting it clear of both neighbours would move it a month or more.
      expect(Math.abs(options.shifts[0].days)).toBeGreaterThan(30);
    });

    it('are not offered to a booking lying wholly inside the conflict', () => {
      const r = report([{ lab: 'Lab A', start: '2026-04-01', end: '2026-04-30' }, { lab: 'Lab B', start: '2026-04-10', end: '2026-04-12', status: 'tentative' }]);
      expect(suggestionsFor(r, r.conflicts[0]).trims.filter((trim) => trim.row === 3)).toEqual([]);
    });
  });

  describe('the order of suggestions', () => {
    it('puts the booking that gives way first, and its shift before an equally long trim', () => {
      const r = report([
        { lab: 'Lab A', team: 'Pretrain', start: '2026-04-14', end: '2026-04-27' },
        { lab: 'Lab B', team: 'FT sprint', start: '2026-04-20', end: '2026-05-03', status: 'tentative' },
      ]);
      const ranked = suggestionsFor(r, r.conflicts[0]).ranked.map((option) => `${option.kind} ${option.row}`);
      expect(ranked.slice(0, 2)).toEqual(['shift 3', 'trim 3']);
      expect(ranked.indexOf('shift 2')).toBeGreaterThan(ranked.indexOf('shift 3'));
    });

    it('shrinks a booking that alone exceeds its pool to the capacity first, naming it as the cause', () => {
      const r = report(
        [{ lab: 'Lab A', chips: 512, start: '2026-04-10', end: '2026-04-12' }, { lab: 'Lab B', team: 'Huge', chips: 9999, start: '2026-04-11', end: '2026-04-20' }],
        [{ chips: 2048, start: '2026-04-01', end: '2026-04-30' }],
      );
      const options = suggestionsFor(r, r.conflicts[0]);
      expect(options.oversized).toEqual([{ row: 3, chips: 9999, capacity: 2048 }]);
      expect(describeResolution(r, options.ranked[0])).toBe('Shrink Lab B / Huge from 9,999 to 1,536 chips');
    });
  });

  describe('whose capacity a move lands on', () => {
    it('never moves a booking onto capacity reserved for another lab, but onto its own or shared capacity', () => {
      const r = report(
        [{ lab: 'Lab A', chips: 1024, start: '2026-04-14', end: '2026-04-27' }, { lab: 'Lab C', chips: 512, start: '2026-04-14', end: '2026-04-27', status: 'tentative' }],
        [
          { chips: 1024, start: '2026-04-14', end: '2026-04-27' },
          { chips: 2048, region: 'us-west-2', start: '2026-04-01', end: '2026-04-30', lab: 'Lab A' },
          { chips: 2048, region: 'us-east-2', start: '2026-04-01', end: '2026-04-30', lab: 'lab-c' },
        ],
      );
      const moves = suggestionsFor(r, r.conflicts[0]).moves;
      expect(moves.filter((move) => move.row === 3).map((move) => move.region)).toEqual(['us-east-2']);
      expect(moves.filter((move) => move.row === 2).map((move) => move.region)).toEqual(['us-west-2']);
    });

    it('does not move onto days only partly shared', () => {
      const r = report(
        [{ lab: 'Lab A', chips: 1024, start: '2026-04-14', end: '2026-04-27' }, { lab: 'Lab C', chips: 512, start: '2026-04-14', end: '2026-04-27', status: 'tentative' }],
        [
          { chips: 1024, start: '2026-04-14', end: '2026-04-27' },
          { chips: 2048, region: 'us-east-2', start: '2026-04-01', end: '2026-04-20' },
          { chips: 2048, region: 'us-east-2', start: '2026-04-21', end: '2026-04-30', lab: 'Lab A' },
        ],
      );
      expect(suggestionsFor(r, r.conflicts[0]).moves.filter((move) => move.row === 3)).toEqual([]);
    });
  });
});
