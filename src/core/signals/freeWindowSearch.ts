import { DayQueue, FIRST, GROUP, LENGTH, OWNER, PROVIDER, QUESTION_FIELDS, QuestionColumns, RANK, WindowColumns } from './searchColumns';

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

export class FreeWindowSearch {
  private readonly window: WindowColumns;
  private readonly query: QuestionColumns;

  /**
   * @param startDays how many consecutive start days each question tries, from its first
   * @param windows, questions how many are likely, so the columns seldom grow
   */
  constructor(private readonly startDays: number, windows = 0, questions = 0) {
    this.window = new WindowColumns(windows);
    this.query = new QuestionColumns(questions);
  }

  /** Days `[from, to)` of a pool of `provider` on which `chips` are free (Infinity: free of any booking). */
  addWindow(group: number, from: number, to: number, chips: number, provider: number): void {
    this.window.push(group, from, to, chips, provider);
  }

  /**
   * Whether `owner` fits for `length` days with `chips`, away from `provider`, starting on one of the
   * start days from `first`: in a window of one of the `own` groups (its family's), else of one of the
   * groups listed at `others` in the lists `run` is given (other families').
   */
  addQuery(owner: number, first: number, length: number, chips: number, provider: number, own: Groups, others: number): void {
    this.query.push(owner, first, length, provider, own.first, own.second, chips, others);
  }

  /** The best each owner found (`FOUND_*`), by owner. */
  run(owners: number, groupCount: number, otherGroups: readonly Int32Array[]): Uint8Array {
    const found = new Uint8Array(owners);
    const [q, w] = [this.query, this.window];
    const count = q.count;
    if (count === 0) return found;
    const record = q.record;
    let first = Infinity;
    let last = -Infinity;
    for (let i = 0; i < count; i++) {
      first = Math.min(first, record[QUESTION_FIELDS * i + FIRST]);
      last = Math.max(last, record[QUESTION_FIELDS * i + FIRST] + this.startDays - 1);
    }
    const buckets = last - first + 1;
    const windows = windowsByDay(w.from.subarray(0, w.count), w.to, first, buckets);
    const trees = new TopTwoTrees(groupCount, w.group, w.chips, windows.order);
    const asked = new DayQueue(buckets, count);
    for (let i = 0; i < count; i++) {
      const at = QUESTION_FIELDS * i;
      // Each question's place among its two groups' chip figures, looked up once rather than once per start day.
      record[at + RANK] = trees.rankOf(record[at + GROUP], q.chips[i]);
      record[at + RANK + 1] = trees.rankOf(record[at + GROUP + 1], q.chips[i]);
      asked.add(record[at + FIRST] - first, i);
    }
    for (let b = 0, next = 0; b < buckets; b++) {
      next = this.enter(trees, windows.order, next, windows.starts[b + 1]);
      this.answer(trees, asked, b, first, otherGroups, found);
    }
    return found;
  }

  /** Windows `order[from .. to)` enter their groups; returns `to`. */
  private enter(trees: TopTwoTrees, order: Int32Array, from: number, to: number): number {
    const w = this.window;
    for (let next = from; next < to; next++) {
      const i = order[next];
      trees.insert(w.group[i], w.to[i], w.chips[i], w.provider[i]);
    }
    return to;
  }

  /**
   * The questions due on day `first + b`; one that finds no window of its family is asked again the
   * next day, until its last start day. (Small functions, so each loop is compiled with what it has seen.)
   */
  private answer(trees: TopTwoTrees, asked: DayQueue, b: number, first: number, otherGroups: readonly Int32Array[], found: Uint8Array): void {
    const q = this.query;
    const record = q.record;
    const day = first + b;
    for (let e = asked.head[b]; e >= 0; e = asked.next[e]) {
      const i = asked.item[e];
      const at = QUESTION_FIELDS * i;
      const owner = record[at + OWNER];
      const need = day + record[at + LENGTH];
      const provider = record[at + PROVIDER];
      if (trees.fits(record[at + GROUP], record[at + RANK], need, provider) || trees.fits(record[at + GROUP + 1], record[at + RANK + 1], need, provider)) {
        found[owner] = FOUND_SAME_FAMILY;
        continue;
      }
      // Rare (most bookings fit their own family at once), so other families' ranks are looked up here.
      if (found[owner] === FOUND_NONE) {
        for (const group of otherGroups[q.others[i]]) {
          if (trees.fits(group, trees.rankOf(group, q.chips[i]), need, provider)) {
            found[owner] = FOUND_OTHER_FAMILY;
            break;
          }
        }
      }
      if (day + 1 < record[at + FIRST] + this.startDays) asked.add(b + 1, i);
    }
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

/**
 * Per group, a Fenwick tree over the distinct chip figures (largest first); each node holds the two largest
 * `to` of different providers among its windows, so that the largest `to` of a provider other than any
 * given one is in the node too.
 */
class TopTwoTrees {
  private readonly offset: Int32Array;
  private readonly chips: Float64Array[];
  private readonly bestTo: Float64Array;
  private readonly bestProvider: Int32Array;
  private readonly nextTo: Float64Array;
  private readonly nextProvider: Int32Array;

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

  /**
   * Whether a window that has entered the group (-1: none), among its first `rank` figures, of another
   * provider, lasts until `need`: some node of the prefix holds one, as the largest `to` of a provider
   * other than `provider` is its best, or its next when the best is that provider's.
   */
  fits(group: number, rank: number, need: number, provider: number): boolean {
    if (group < 0) return false;
    const base = this.offset[group];
    for (let i = rank; i > 0; i -= i & -i) {
      const node = base + i;
      if ((this.bestProvider[node] !== provider ? this.bestTo[node] : this.nextTo[node]) >= need) return true;
    }
    return false;
  }

  /** Keeps the node's largest `to`, and the largest of a provider other than that one's. */
  private merge(node: number, to: number, provider: number): void {
    if (provider === this.bestProvider[node]) {
      if (to > this.bestTo[node]) this.bestTo[node] = to;
    } else if (to > this.bestTo[node]) {
      this.nextTo[node] = this.bestTo[node];
      this.nextProvider[node] = this.bestProvider[node];
      this.bestTo[node] = to;
      this.bestProvider[node] = provider;
    } else if (to > this.nextTo[node]) {
      this.nextTo[node] = to;
      this.nextProvider[node] = provider;
    }
  }
}

function distinctDescending(figures: Float64Array): Float64Array {
  figures.sort().reverse();
  let m = 0;
  for (let i = 0; i < figures.length; i++) if (i === 0 || figures[i] !== figures[m - 1]) figures[m++] = figures[i];
  return figures.slice(0, m);
}
