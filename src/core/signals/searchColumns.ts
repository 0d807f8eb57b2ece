import { grownColumn } from '../model/grownColumn';

// What the free-window search stores, column by column, each set of columns grown together: one check
// of room and direct stores per row, as a million rows are pushed.

/** Free windows: days `[from, to)` of a pool of `provider` in `group` with `chips` free (±Infinity: endless). */
export class WindowColumns {
  count = 0;
  group: Int32Array;
  from: Float64Array;
  to: Float64Array;
  chips: Float64Array;
  provider: Int32Array;

  constructor(expected: number) {
    const size = Math.max(16, expected);
    [this.group, this.provider] = [new Int32Array(size), new Int32Array(size)];
    [this.from, this.to, this.chips] = [new Float64Array(size), new Float64Array(size), new Float64Array(size)];
  }

  push(group: number, from: number, to: number, chips: number, provider: number): void {
    if (this.count === this.group.length) {
      const size = 2 * this.count;
      [this.group, this.provider] = [grownColumn(this.group, size), grownColumn(this.provider, size)];
      [this.from, this.to, this.chips] = [grownColumn(this.from, size), grownColumn(this.to, size), grownColumn(this.chips, size)];
    }
    const i = this.count++;
    this.group[i] = group;
    this.from[i] = from;
    this.to[i] = to;
    this.chips[i] = chips;
    this.provider[i] = provider;
  }
}

/** A question's record: its owner, first day, length, provider, two groups and its rank in each. */
export const [OWNER, FIRST, LENGTH, PROVIDER, GROUP, RANK] = [0, 1, 2, 3, 4, 6];
export const QUESTION_FIELDS = 8;

/**
 * Questions. What answering reads of one lies together, `QUESTION_FIELDS` whole numbers (days are whole):
 * questions come in sheet order and are answered in day order, so one cache line per question is read
 * rather than one per column. Chips, and the other families' groups, are read seldom.
 */
export class QuestionColumns {
  count = 0;
  record: Int32Array;
  chips: Float64Array;
  others: Int32Array;

  constructor(expected: number) {
    const size = Math.max(16, expected);
    [this.record, this.chips, this.others] = [new Int32Array(QUESTION_FIELDS * size), new Float64Array(size), new Int32Array(size)];
  }

  push(owner: number, first: number, length: number, provider: number, firstGroup: number, secondGroup: number, chips: number, others: number): void {
    if (this.count === this.chips.length) {
      const size = 2 * this.count;
      [this.record, this.chips, this.others] = [grownColumn(this.record, QUESTION_FIELDS * size), grownColumn(this.chips, size), grownColumn(this.others, size)];
    }
    const i = this.count++;
    const at = QUESTION_FIELDS * i;
    this.record[at + OWNER] = owner;
    this.record[at + FIRST] = first;
    this.record[at + LENGTH] = length;
    this.record[at + PROVIDER] = provider;
    this.record[at + GROUP] = firstGroup;
    this.record[at + GROUP + 1] = secondGroup;
    this.chips[i] = chips;
    this.others[i] = others;
  }
}

/** Lists of items per day bucket, appended to while the sweep runs (a bucket's list is read once, when its day comes). */
export class DayQueue {
  readonly head: Int32Array;
  next: Int32Array;
  item: Int32Array;
  count = 0;

  constructor(buckets: number, expected: number) {
    this.head = new Int32Array(buckets).fill(-1);
    const size = Math.max(16, expected);
    [this.next, this.item] = [new Int32Array(size), new Int32Array(size)];
  }

  add(bucket: number, item: number): void {
    if (bucket >= this.head.length) return;
    if (this.count === this.item.length) [this.next, this.item] = [grownColumn(this.next, 2 * this.count), grownColumn(this.item, 2 * this.count)];
    const e = this.count++;
    this.next[e] = this.head[bucket];
    this.item[e] = item;
    this.head[bucket] = e;
  }
}
