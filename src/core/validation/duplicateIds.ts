import { Booking } from '../model/booking';
import { TableLayout } from '../tables/tableLayout';
import { cellIssue, Issue } from './issue';
import { issueMessages } from './issueMessages';

/** `duplicate-id` on every booking whose ID (ignoring case) another booking shares, naming the others. */
export function duplicateIdIssues(bookings: readonly Booking[], layout: TableLayout): Issue[] {
  const groups = repeatedKeyGroups(bookings.map((booking) => booking.id.toLowerCase()));
  const issues: Issue[] = [];
  bookings.forEach((booking, index) => {
    const group = groups.get(index);
    if (group === undefined) return;
    const others = group.map((other) => bookings[other].sheetRow).filter((row) => row !== booking.sheetRow);
    issues.push(cellIssue(layout, booking.sheetRow, 'id', 'duplicate-id', issueMessages.duplicateId(booking.id, others)));
  });
  return issues;
}

/**
 * For each index whose non-empty key occurs more than once, all indices of that key, ascending.
 * Sorts hashes packed with indices into floats, then compares the keys of equal hashes: a Map of a
 * million distinct strings costs about three times as much.
 * @example repeatedKeyGroups(['a', 'b', 'a', '']) // Map { 0 => [0, 2], 2 => [0, 2] }
 */
function repeatedKeyGroups(keys: readonly string[]): Map<number, number[]> {
  // Room below the hash for every index, within a float's 53 exact bits; fewer hash bits only mean more keys compared.
  const indexRange = 2 ** Math.max(23, Math.ceil(Math.log2(keys.length + 1)));
  const hashRange = 2 ** 53 / indexRange;
  const packed = new Float64Array(keys.length);
  keys.forEach((key, index) => {
    packed[index] = (hashOfKey(key) % hashRange) * indexRange + index;
  });
  packed.sort();
  const groups = new Map<number, number[]>();
  const hashAt = (i: number): number => Math.floor(packed[i] / indexRange);
  for (let runStart = 0, runEnd = 1; runStart < packed.length; runStart = runEnd++) {
    while (runEnd < packed.length && hashAt(runEnd) === hashAt(runStart)) runEnd++;
    if (runEnd - runStart < 2) continue;
    // Indices of one hash, ascending: the same key, or rarely a collision of different keys.
    const byKey = new Map<string, number[]>();
    for (let i = runStart; i < runEnd; i++) {
      const index = packed[i] % indexRange;
      if (keys[index] === '') continue;
      const group = byKey.get(keys[index]);
      if (group === undefined) byKey.set(keys[index], [index]);
      else group.push(index);
    }
    for (const group of byKey.values()) if (group.length > 1) for (const index of group) groups.set(index, group);
  }
  return groups;
}

/** FNV-1a over UTF-16 code units, as an unsigned 32-bit number. */
function hashOfKey(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

