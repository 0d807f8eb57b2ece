// Reallocation velocity asks, for every booking, whether some pool of another provider is free for its
// whole length from one of eight start days. Asked pool by pool that is bookings × pools × days; here it
// is one sweep over days. A pool's free days are cut into maximal windows (days `[from, to)` on which at
// least `chips` are free throughout); a booking of c chips and L days fits from day s exactly when some
// window has from ≤ s, chips ≥ c and to ≥ s + L. Sweeping s upwards, windows enter as their `from`
// passes; per group a Fenwick tree over chips (largest first) keeps the two largest `to` of different
// providers, so "another provider" is answered too.

/** What a booking found: a window of its own family, one only of another family, or none. */
export const FOUND_NONE = 0;
export const FOUND_OTHER_FAMILY = 1;
export const FOUND_SAME_FAMILY = 2;

const NO_PROVIDER = -1;

/** Two groups a question reads (-1: none), e.g. the pools open to everyone and those reserved for the booking's lab. */
export interface Groups {
  readonly first: number;
  readonly second: number;
}

/**
 * A growable column of whole numbers. Its twin for floats is a class of its own: one class for both
 * kinds of array would make every push polymorphic, and a million pushes pay for that.
 */
class IntColumn {
  length = 0;
  values: Int32Array;
  constructor(size: number) {
    this.values = new Int32Array(Math.max(16, size));
  }
  push(value: number): void {
    if (this.length === this.values.length) {
      const grown = new Int32Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = value;
  }
}

class FloatColumn {
  length = 0;
  values: Float64Array;
  constructor(size: number) {
    this.values = new Float64Array(Math.max(16, size));
  }
  push(value: number): void {
    if (this.length === this.values.length) {
      const grown = new Float64Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = value;
  }
}
const floats = (size: number) => new FloatColumn(size);
const ints = (size: number) => new IntColumn(size);

export class FreeWindowSearch {
  private readonly window;
  private readonly query;

  /**
   * @param startDays how many consecutive start days each question tries, from its first
   * @param windows, questions how many are likely, so the columns seldom grow
   */
  constructor(private readonly startDays: number, windows = 0, questions = 0) {
    this.window = { group: ints(windows), from: floats(windows), to: floats(windows), chips: floats(windows), provider: ints(windows) };
    // Days are whole, so a question's are 32-bit; a window's may be endless (±Infinity).
    this.query = { owner: ints(questions), first: ints(questions), length: ints(questions), chips: floats(questions), provider: ints(questions), own: ints(2 * questions), others: ints(questions) };
  }

  /** Days `[from, to)` of a pool of `provider` on which `chips` are free (Infinity: free of any booking). */
  addWindow(group: number, from: number, to: number, chips: number, provider: number): void {
    const w = this.window;
    w.group.push(group);
    w.from.push(from);
    w.to.push(to);
    w.chips.push(chips);
    w.provider.push(provider);
  }

  /**
   * Whether `owner` fits for `length` days with `chips`, away from `provider`, starting on one of the
   * start days from `first`: in a window of one of the `own` groups (its family's), else of one of the
   * groups listed at `others` in the lists `run` is given (other families').
   */
  addQuery(owner: number, first: number, length: number, chips: number, provider: number, own: Groups, others: number): void {
    const q = this.query;
    q.owner.push(owner);
    q.first.push(first);
    q.length.push(length);
    q.chips.push(chips);
    q.provider.push(provider);
    q.own.push(own.first);
    q.own.push(own.second);
    q.others.push(others);
  }

  /** The best each owner found (`FOUND_*`), by owner. */
  run(owners: number, groupCount: number, otherGroups: readonly Int32Array[]): Uint8Array {
    const found = new Uint8Array(owners);
    const [q, w] = [this.query, this.window];
    const count = q.owner.length;
    if (count === 0) return found;
    const firstDays = q.first.values.subarray(0, count);
    let first = Infinity;
    let last = -Infinity;
    for (let i = 0; i < count; i++) {
      first = Math.min(first, firstDays[i]);
      last = Math.max(last, firstDays[i] + this.startDays - 1);
    }
    const buckets = last - first + 1;
    const windows = windowsByDay(w.from.values.subarray(0, w.from.length), w.to.values, first, buckets);
    const trees = new TopTwoTrees(groupCount, w.group.values, w.chips.values, windows.order);
    const ranks = ranksOf(trees, q.own.values, q.chips.values, count);
    const asked = new DayQueue(buckets, count);
    for (let i = 0; i < count; i++) asked.add(firstDays[i] - first, i);
    for (let b = 0, next = 0; b < buckets; b++) {
      next = this.enter(trees, windows.order, next, windows.starts[b + 1]);
      this.answer(trees, asked, b, first, ranks, otherGroups, found);
    }
    return found;
  }

  /** Windows `order[from .. to)` enter their groups; returns `to`. */
  private enter(trees: TopTwoTrees, order: Int32Array, from: number, to: number): number {
    const w = this.window;
    for (let next = from; next < to; next++) {
      const i = order[next];
      trees.insert(w.group.values[i], w.to.values[i], w.chips.values[i], w.provider.values[i]);
    }
    return to;
  }

  /**
   * The questions due on day `first + b`; one that finds no window of its family is asked again the
   * next day, until its last start day. (Small functions, so each loop is compiled with what it has seen.)
   */
  private answer(trees: TopTwoTrees, asked: DayQueue, b: number, first: number, ranks: Int32Array, otherGroups: readonly Int32Array[], found: Uint8Array): void {
    const q = this.query;
    const own = q.own.values;
    const day = first + b;
    for (let e = asked.head[b]; e >= 0; e = asked.next.values[e]) {
      const i = asked.item.values[e];
      const owner = q.owner.values[i];
      const need = day + q.length.values[i];
      const provider = q.provider.values[i];
      if (trees.fits(own[2 * i], ranks[2 * i], need, provider) || trees.fits(own[2 * i + 1], ranks[2 * i + 1], need, provider)) {
        found[owner] = FOUND_SAME_FAMILY;
        continue;
      }
      // Rare (most bookings fit their own family at once), so other families' ranks are looked up here.
      if (found[owner] === FOUND_NONE) {
        for (const group of otherGroups[q.others.values[i]]) {
          if (trees.fits(group, trees.rankOf(group, q.chips.values[i]), need, provider)) {
            found[owner] = FOUND_OTHER_FAMILY;
            break;
          }
        }
      }
      if (day + 1 < q.first.values[i] + this.startDays) asked.add(b + 1, i);
    }
  }
}

/** Each question's place among its two groups' chip figures, looked up once rather than once per start day. */
function ranksOf(trees: TopTwoTrees, groups: Int32Array, chips: Float64Array, count: number): Int32Array {
  const ranks = new Int32Array(2 * count);
  for (let i = 0; i < count; i++) {
    ranks[2 * i] = trees.rankOf(groups[2 * i], chips[i]);
    ranks[2 * i + 1] = trees.rankOf(groups[2 * i + 1], chips[i]);
  }
  return ranks;
}

/** Lists of items per day bucket, appended to while the sweep runs (a bucket's list is read once, when its day comes). */
class DayQueue {
  readonly head: Int32Array;
  readonly next: IntColumn;
  readonly item: IntColumn;

  constructor(buckets: number, expected: number) {
    this.head = new Int32Array(buckets).fill(-1);
    this.next = ints(expected);
    this.item = ints(expected);
  }

  add(bucket: number, item: number): void {
    if (bucket >= this.head.length) return;
    this.next.push(this.head[bucket]);
    this.item.push(item);
    this.head[bucket] = this.item.length - 1;
  }
}

/**
 * The windows by the day bucket they enter (those open before the first day asked all on day 0), as
 * `order[starts[b] .. starts[b + 1])`. Windows over by the first day, or opening after the last, can answer nothing.
 */
function windowsByDay(from: Float64Array, to: Float64Array, first: number, buckets: number): { order: Int32Array; starts: Int32Array } {
  const bucketOf = new Int32Array(from.length);
  const starts = new Int32Array(buckets + 1);
  for (let i = 0; i < from.length; i++) {
    bucketOf[i] = to[i] <= first ? buckets : Math.max(0, from[i] - first);
    if (bucketOf[i] < buckets) starts[bucketOf[i] + 1]++;
  }
  for (let b = 0; b < buckets; b++) starts[b + 1] += starts[b];
  const order = new Int32Array(starts[buckets]);
  const next = starts.slice(0, buckets);
  for (let i = 0; i < from.length; i++) if (bucketOf[i] < buckets) order[next[bucketOf[i]]++] = i;
  return { order, starts };
}

interface TopTwo {
  to: number;
  provider: number;
  nextTo: number;
  nextProvider: number;
}

/** Per group, a Fenwick tree over the distinct chip figures (largest first) holding the two largest `to` of different providers. */
class TopTwoTrees {
  private readonly offset: Int32Array;
  private readonly chips: Float64Array[];
  private readonly bestTo: Float64Array;
  private readonly bestProvider: Int32Array;
  private readonly nextTo: Float64Array;
  private readonly nextProvider: Int32Array;
  // The prefix a query reads, merged node by node, and the node an insert merges into.
  private readonly best: TopTwo = { to: -Infinity, provider: NO_PROVIDER, nextTo: -Infinity, nextProvider: NO_PROVIDER };
  private readonly slot: TopTwo = { to: -Infinity, provider: NO_PROVIDER, nextTo: -Infinity, nextProvider: NO_PROVIDER };

  /** Over the chip figures of windows `used` (indexes into `group` and `chips`). */
  constructor(groupCount: number, group: Int32Array, chips: Float64Array, used: Int32Array) {
    const counts = new Int32Array(groupCount);
    for (let k = 0; k < used.length; k++) counts[group[used[k]]]++;
    const figures = Array.from(counts, (count) => new Float64Array(count));
    counts.fill(0);
    for (let k = 0; k < used.length; k++) figures[group[used[k]]][counts[group[used[k]]]++] = chips[used[k]];
    this.chips = figures.map(distinctDescending);
    this.offset = new Int32Array(groupCount + 1);
    for (let g = 0; g < groupCount; g++) this.offset[g + 1] = this.offset[g] + this.chips[g].length + 1;
    const size = this.offset[groupCount];
    [this.bestTo, this.nextTo] = [new Float64Array(size).fill(-Infinity), new Float64Array(size).fill(-Infinity)];
    [this.bestProvider, this.nextProvider] = [new Int32Array(size).fill(NO_PROVIDER), new Int32Array(size).fill(NO_PROVIDER)];
  }

  /** How many of the group's figures are at least `chips`: the prefix of the tree a question of `chips` reads. */
  rankOf(group: number, chips: number): number {
    if (group < 0) return 0;
    const figures = this.chips[group];
    let low = 0;
    let high = figures.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (figures[mid] >= chips) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  insert(group: number, to: number, chips: number, provider: number): void {
    const n = this.chips[group].length;
    const base = this.offset[group];
    // The window's rank among its group's figures, largest first (it is one of them).
    for (let i = this.rankOf(group, chips); i <= n; i += i & -i) this.merge(base + i, to, provider);
  }

  /** Whether a window that has entered the group (-1: none), among its first `rank` figures, of another provider, lasts until `need`. */
  fits(group: number, rank: number, need: number, provider: number): boolean {
    if (group < 0) return false;
    const best = this.best;
    best.to = -Infinity;
    best.provider = NO_PROVIDER;
    best.nextTo = -Infinity;
    best.nextProvider = NO_PROVIDER;
    const base = this.offset[group];
    for (let i = rank; i > 0; i -= i & -i) {
      mergeInto(best, this.bestTo[base + i], this.bestProvider[base + i]);
      mergeInto(best, this.nextTo[base + i], this.nextProvider[base + i]);
    }
    return (best.provider !== provider ? best.to : best.nextTo) >= need;
  }

  private merge(node: number, to: number, provider: number): void {
    const slot = this.slot;
    slot.to = this.bestTo[node];
    slot.provider = this.bestProvider[node];
    slot.nextTo = this.nextTo[node];
    slot.nextProvider = this.nextProvider[node];
    mergeInto(slot, to, provider);
    this.bestTo[node] = slot.to;
    this.bestProvider[node] = slot.provider;
    this.nextTo[node] = slot.nextTo;
    this.nextProvider[node] = slot.nextProvider;
  }
}

function distinctDescending(figures: Float64Array): Float64Array {
  figures.sort().reverse();
  let m = 0;
  for (let i = 0; i < figures.length; i++) if (i === 0 || figures[i] !== figures[m - 1]) figures[m++] = figures[i];
  return figures.slice(0, m);
}

/** Keeps the largest `to`, and the largest of a provider other than that one's. */
function mergeInto(slot: TopTwo, to: number, provider: number): void {
  if (provider === NO_PROVIDER) return;
  if (provider === slot.provider) {
    if (to > slot.to) slot.to = to;
  } else if (to > slot.to) {
    slot.nextTo = slot.to;
    slot.nextProvider = slot.provider;
    slot.to = to;
    slot.provider = provider;
  } else if (to > slot.nextTo) {
    slot.nextTo = to;
    slot.nextProvider = provider;
  }
}
