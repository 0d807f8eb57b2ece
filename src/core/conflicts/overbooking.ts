/**
 * The one rule for an over-booked day of a pool (docs/DOMAIN.md, "Conflicts"): detection, suggestions
 * and every later figure ask these two functions, never their own copy of the rule.
 * `holders` is the number of active bookings holding the day, `demand` their chips, and `capacity` the
 * chips the Capacity table reserves that day, or null when the workbook has no Capacity table.
 */
export function isOverbooked(holders: number, demand: number, capacity: number | null): boolean {
  return capacity === null ? holders >= 2 : capacity > 0 && demand > capacity;
}

/** Whether one more booking of `chips` may hold the day: it over-books nothing, and capacity is reserved there. */
export function fitsOnDay(holders: number, demand: number, capacity: number | null, chips: number): boolean {
  // A day with no reserved capacity is `unreserved`, not free: nothing is moved onto it.
  return (capacity === null || capacity > 0) && !isOverbooked(holders + 1, demand + chips, capacity);
}
