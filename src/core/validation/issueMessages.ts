import { CalendarDay, formatReadableDay, parseIsoDay } from '../model/calendarDay';
import { formatCount, plural } from '../presentation/wording';
import { DateProblem } from '../tables/parseDateCell';

// All wording of issues lives here, so the add-in and the CLI say the same thing the same way.

const quote = (text: string): string => `"${text.length > 60 ? `${text.slice(0, 57)}…` : text}"`;
const didYouMean = (suggestion: string | undefined): string => (suggestion ? ` Did you mean ${suggestion}?` : '');

/** "4 May 2026" for "2026-05-04". */
const readableIso = (iso: string): string => formatReadableDay(parseIsoDay(iso) as CalendarDay);

export const issueMessages = {
  missingColumn: (label: string, sheet: string, because?: string) =>
    `Sheet ${quote(sheet)} has no ${label} column${because ? ` (${because})` : ''}; add a column headed ${label}.`,
  duplicateColumn: (header: string, firstHeader: string) =>
    `Column ${quote(header)} repeats ${quote(firstHeader)}; only the first is read.`,
  missingValue: (label: string) => `${label} is empty.`,
  unknownProvider: (text: string, suggestion?: string) =>
    `${quote(text)} is not a provider the catalog knows.${didYouMean(suggestion)}`,
  unknownRegion: (text: string, provider: string, suggestion?: string, otherProvider?: string) =>
    `${quote(text)} is not a region of ${provider}.${otherProvider ? ` It is a region of ${otherProvider}.` : ''}${didYouMean(suggestion)}`,
  unknownSilicon: (text: string, suggestion?: string) =>
    `${quote(text)} is not a silicon the catalog knows.${didYouMean(suggestion)}`,
  siliconNotOffered: (provider: string, silicon: string, offeredBy: readonly string[]) =>
    `${provider} does not offer ${silicon}.${offeredBy.length > 0 ? ` ${silicon} is offered by ${offeredBy.join(', ')}.` : ''}`,
  siliconNotInRegion: (provider: string, silicon: string, region: string, regions: readonly string[]) =>
    `${provider} is not known to offer ${silicon} in ${region}; known regions: ${regions.join(', ')}.`,
  invalidDate: (label: string, problem: DateProblem): string => {
    switch (problem.kind) {
      case 'empty':
        return `${label} is empty.`;
      case 'error-value':
        return `${label} holds the error ${problem.error}, not a date.`;
      case 'boolean':
        return `${label} holds TRUE/FALSE, not a date.`;
      case 'phantom-leap-day':
        return `${label} is 29 Feb 1900, a day that never existed (an Excel quirk); enter the real date.`;
      case 'out-of-range':
        return `${label} falls in the year ${problem.year}, which is no plausible booking date; check the value.`;
      case 'not-a-date':
        return `${label} ${quote(problem.text)} is not a date; use a date cell or a date written as YYYY-MM-DD.`;
      case 'ambiguous':
        return `${label} ${quote(problem.text)} could be ${readableIso(problem.readings[0])} or ${readableIso(problem.readings[1])}; pick the one meant (written as YYYY-MM-DD, a date reads only one way).`;
      case 'two-digit-year':
        return `${label} ${quote(problem.text)} has a two-digit year; write the year in full.`;
      case 'impossible-day':
        return `${label} ${quote(problem.text)} is not a day of the calendar.`;
    }
  },
  endBeforeStart: (start: CalendarDay, end: CalendarDay) =>
    `End ${formatReadableDay(end)} is before Start ${formatReadableDay(start)}.`,
  invalidChips: (text: string) => `Chips ${quote(text)} is not a positive whole number.`,
  invalidTflops: (text: string) => `TFLOPS ${quote(text)} is not a number.`,
  tflopsMismatch: (given: number, expected: number, chips: number, silicon: string, perChip: number) =>
    `TFLOPS ${formatCount(given)} differs by more than 10% from ${formatCount(chips)} × ${formatCount(perChip)} (${silicon} dense BF16) = ${formatCount(expected)}.`,
  duplicateId: (id: string, rows: readonly number[]) => `ID ${quote(id)} is also used on row${rows.length === 1 ? '' : 's'} ${rows.join(', ')}.`,
  exceedsCapacity: (chips: number, capacity: number, day: CalendarDay, pool: string) =>
    `Books ${plural(chips, 'chip')} on ${formatReadableDay(day)}, more than the ${formatCount(capacity)} reserved for ${pool} that day: no other booking can fit beside it.`,
  foreignCapacity: (owners: readonly string[], first: CalendarDay, last: CalendarDay, pool: string) =>
    `Holds capacity of ${pool} reserved for ${owners.join(' and ')} on ${first === last ? formatReadableDay(first) : `${formatReadableDay(first)} – ${formatReadableDay(last)}`}; move it to shared or own capacity, or agree it with ${owners.length === 1 ? owners[0] : 'them'}.`,
  unreserved: (pool: string, first: CalendarDay, last: CalendarDay, days: number, totalDays: number) =>
    `${pool} has no reserved capacity on ${plural(days, 'day')} of this booking's ${plural(totalDays, 'day')}` +
    (first === last ? ` (${formatReadableDay(first)}).` : `, from ${formatReadableDay(first)} to ${formatReadableDay(last)}.`),
  invalidCatalogRow: (detail: string) => `Catalog row: ${detail}`,
};
