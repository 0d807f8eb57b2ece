import { Booking } from '../model/booking';
import { CalendarDay } from '../model/calendarDay';
import { bookingAt, CheckReport, Conflict } from '../model/report';
import { poolLabel } from './wording';

/** The ways a lead narrows a long list of conflicts. */
export type ConflictFacet = 'lab' | 'team' | 'provider' | 'silicon' | 'pool' | 'state';
export const CONFLICT_FACETS: readonly ConflictFacet[] = ['lab', 'team', 'provider', 'silicon', 'pool', 'state'];

export type ConflictOrder = 'first-day' | 'excess-chips' | 'chip-hours';

/** What a conflict is filed under, for filtering, grouping and searching. */
export interface ConflictFacts {
  readonly conflict: Conflict;
  /** The values of each facet; a conflict between two labs is under both. */
  readonly facets: Readonly<Record<ConflictFacet, readonly string[]>>;
  /** ID, lab, team, workload and notes of its bookings, lower-cased, for the search box. */
  readonly searchText: string;
}

export interface TriageQuery {
  /** Facet values a conflict must have, one per facet (absent: any). */
  readonly filters?: Partial<Record<ConflictFacet, string>>;
  readonly search?: string;
  readonly order?: ConflictOrder;
  /** Days a conflict must overlap (a heatmap's week), inclusive. */
  readonly during?: { readonly first: CalendarDay; readonly last: CalendarDay };
}

const distinct = (values: readonly string[]): string[] => [...new Set(values.filter((value) => value !== ''))].sort((a, b) => a.localeCompare(b));

/** The facts of every conflict of the report, in the report's order. */
export function conflictFacts(report: CheckReport): ConflictFacts[] {
  return report.conflicts.map((conflict) => {
    const bookings = conflict.rows.map((row) => bookingAt(report, row)).filter((booking): booking is Booking => booking !== undefined);
    return {
      conflict,
      facets: {
        lab: distinct(bookings.map((booking) => booking.lab)),
        team: distinct(bookings.map((booking) => booking.team)),
        provider: [conflict.pool.provider],
        silicon: [conflict.pool.silicon],
        pool: [poolLabel(conflict.pool)],
        state: [conflict.accepted ? 'accepted' : 'open'],
      },
      searchText: bookings.flatMap((booking) => [booking.id, booking.lab, booking.team, booking.workload, booking.notes]).join('\n').toLowerCase(),
    };
  });
}

/**
 * The conflicts a query selects, in its order. `chipHoursOf` gives a conflict's chip-hours at stake (the
 * order by stake needs it); ties keep the first-day order.
 */
export function triage(facts: readonly ConflictFacts[], query: TriageQuery, chipHoursOf: (conflict: Conflict) => number = () => 0): ConflictFacts[] {
  const words = (query.search ?? '').toLowerCase().split(/\s+/).filter((word) => word !== '');
  const selected = facts.filter((fact) =>
    Object.entries(query.filters ?? {}).every(([facet, value]) => value === undefined || fact.facets[facet as ConflictFacet].includes(value)) &&
    words.every((word) => fact.searchText.includes(word)) &&
    (query.during === undefined || (fact.conflict.start <= query.during.last && fact.conflict.end >= query.during.first)));
  const byDay = (a: ConflictFacts, b: ConflictFacts) => a.conflict.start - b.conflict.start || a.conflict.pool.key.localeCompare(b.conflict.pool.key);
  const key = query.order === 'excess-chips' ? (fact: ConflictFacts) => fact.conflict.excessChips ?? fact.conflict.bookedChips ?? 0
    : query.order === 'chip-hours' ? (fact: ConflictFacts) => chipHoursOf(fact.conflict) : undefined;
  return [...selected].sort((a, b) => (key === undefined ? 0 : key(b) - key(a)) || byDay(a, b));
}

/** The groups of a facet among the conflicts, with how many each holds, largest first. */
export function facetGroups(facts: readonly ConflictFacts[], facet: ConflictFacet): Array<{ readonly value: string; readonly count: number }> {
  const counts = new Map<string, number>();
  for (const fact of facts) for (const value of fact.facets[facet]) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}
