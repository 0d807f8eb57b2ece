import { dayFromSerial, yearOfDay } from '../core';

const YEAR_IN_TEXT = /\b(19|20|21)\d{2}\b/;

/**
 * Office.js does not say which date system a workbook uses, but a date cell's displayed text does:
 * the two systems put the same serial four years apart. Votes over date-looking cells; false when unsure.
 */
export function inferDate1904(samples: ReadonlyArray<{ value: unknown; text: string }>): boolean {
  let votes1904 = 0;
  let votes1900 = 0;
  for (const { value, text } of samples) {
    if (typeof value !== 'number' || value < 1 || value > 200_000) continue;
    const match = YEAR_IN_TEXT.exec(text);
    if (match === null) continue;
    const shownYear = Number(match[0]);
    const as1900 = dayFromSerial(value, false);
    const as1904 = dayFromSerial(value, true);
    if (as1904.ok && yearOfDay(as1904.day) === shownYear && !(as1900.ok && yearOfDay(as1900.day) === shownYear)) votes1904++;
    else if (as1900.ok && yearOfDay(as1900.day) === shownYear) votes1900++;
  }
  return votes1904 > votes1900;
}
