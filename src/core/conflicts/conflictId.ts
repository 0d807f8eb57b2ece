import { CalendarDay, formatIsoDay } from '../model/calendarDay';

/**
 * Stable id of a conflict: the same pool and window give the same id in every check, so a lead's
 * acceptance (kept in the resolution log) still applies after the workbook is reopened.
 * @example conflictId('["aws","useast1","trainium2",""]', day) // "C-5f1e09a2"
 */
export function conflictId(poolKey: string, start: CalendarDay, endInclusive: CalendarDay): string {
  const text = `${poolKey}|${formatIsoDay(start)}|${formatIsoDay(endInclusive)}`;
  // FNV-1a, 32 bits: short, deterministic, and collisions only matter within one workbook.
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `C-${hash.toString(16).padStart(8, '0')}`;
}
