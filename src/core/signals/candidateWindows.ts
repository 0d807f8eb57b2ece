import { Catalog } from '../catalog/catalog';
import { normalizeName } from '../catalog/normalizeName';
import { Pool, poolKeyOf } from '../model/booking';
import { CheckReport } from '../model/report';
import { FreeWindowSearch, Groups } from './freeWindowSearch';
import { PoolTimeline, PoolTimelines } from './poolTimelines';

// Where a booking could move: the free windows of every candidate pool (docs/DOMAIN.md, "Portability
// and reallocation velocity"), in groups by family and by whose capacity they are.

/** Numbers for providers, families and the groups of windows a booking may use, named once. */
export class Names {
  /** The labs (by key) some capacity row is reserved for: only they have windows of their own. */
  readonly ownerLabs = new Set<string>();
  private readonly providerKeys = new Map<string, number>();
  /** By the text as written: a pool's provider name repeats on every booking of it. */
  private readonly providerTexts = new Map<string, number>();
  private readonly groupIds = new Map<string, Map<string, number>>();
  groupCount = 0;
  private readonly families = new Map<string, string | null>();

  constructor(private readonly catalog: Catalog) {}

  provider(name: string): number {
    let id = this.providerTexts.get(name);
    if (id === undefined) {
      const key = normalizeName(name);
      id = this.providerKeys.get(key);
      if (id === undefined) this.providerKeys.set(key, (id = this.providerKeys.size));
      this.providerTexts.set(name, id);
    }
    return id;
  }

  /** A pool's silicon family, or null when the catalog does not know its silicon. */
  family(silicon: string): string | null {
    let family = this.families.get(silicon);
    if (family === undefined) {
      const found = this.catalog.findSilicon(silicon);
      this.families.set(silicon, (family = found.found ? found.value.family : null));
    }
    return family;
  }

  /** Windows of `family` open to everyone (lab '') or reserved for one lab. */
  group(family: string, lab: string, create: boolean): number {
    let byLab = this.groupIds.get(family);
    if (byLab === undefined) this.groupIds.set(family, (byLab = new Map()));
    let id = byLab.get(lab);
    if (id === undefined && create) byLab.set(lab, (id = this.groupCount++));
    return id ?? -1;
  }

  private readonly groupPairs = new Map<string, Map<string, Groups>>();
  /** Lists of groups of the families other than one, for a lab: where a port could go. */
  readonly otherGroups: Int32Array[] = [];
  private readonly otherLists = new Map<string, number>();

  /** The number of the list of every other family's groups open to `lab` (everyone's, and its own). */
  othersOf(family: string, lab: string): number {
    const key = `${family}\u0000${lab}`;
    let list = this.otherLists.get(key);
    if (list === undefined) {
      const groups: number[] = [];
      for (const [other, byLab] of this.groupIds) {
        if (other === family) continue;
        for (const [owner, id] of byLab) if (owner === '' || owner === lab) groups.push(id);
      }
      this.otherLists.set(key, (list = this.otherGroups.push(Int32Array.from(groups)) - 1));
    }
    return list;
  }

  /** The groups a booking of `lab` (its key) may use: everyone's windows of the family, and its lab's. */
  groupsOf(family: string, lab: string): Groups {
    let byLab = this.groupPairs.get(family);
    if (byLab === undefined) this.groupPairs.set(family, (byLab = new Map()));
    let groups = byLab.get(lab);
    if (groups === undefined) byLab.set(lab, (groups = { first: this.group(family, '', false), second: lab === '' ? -1 : this.group(family, lab, false) }));
    return groups;
  }
}

/** Every candidate pool's free windows, into `search`: with a Capacity table its pools, else the pools the catalog offers. */
export function addCandidateWindows(report: CheckReport, timelines: PoolTimelines, names: Names, search: FreeWindowSearch): void {
  if (timelines.withCapacity) addCapacityWindows(timelines, names, search);
  else addUnbookedWindows(report, timelines, names, search);
}

/**
 * With a Capacity table: a pool's free chips are capacity − demand on the days some capacity is open to
 * the lab (shared, or reserved for it), as `isOpenThroughout` says; each variant (everyone's, and each
 * owning lab's) is cut into its maximal windows.
 */
function addCapacityWindows(timelines: PoolTimelines, names: Names, search: FreeWindowSearch): void {
  const stack = new WindowStack();
  for (const timeline of timelines.pools) {
    const family = timeline.hasCapacity ? names.family(timeline.pool.silicon) : null;
    if (family === null) continue;
    const provider = names.provider(timeline.pool.provider);
    maximalWindows(timeline, null, stack, search, names.group(family, '', true), provider);
    for (const [lab, owned] of timeline.owned ?? []) {
      names.ownerLabs.add(lab);
      maximalWindows(timeline, owned, stack, search, names.group(family, lab, true), provider);
    }
  }
}

/** The rising figures of `maximalWindows`, reused from pool to pool. */
class WindowStack {
  heights = new Float64Array(64);
  lefts = new Float64Array(64);
  size = 0;

  push(height: number, left: number): void {
    if (this.size === this.heights.length) {
      const [heights, lefts] = [new Float64Array(this.size * 2), new Float64Array(this.size * 2)];
      heights.set(this.heights);
      lefts.set(this.lefts);
      [this.heights, this.lefts] = [heights, lefts];
    }
    this.heights[this.size] = height;
    this.lefts[this.size++] = left;
  }
}

/**
 * The maximal windows under a pool's free chips (a histogram over days) on the days open to a lab
 * (`owned`: its reserved chips per segment; null for everyone: shared capacity only): each piece's
 * figure spans the days around it on which at least as many chips are free, found with a stack of
 * rising figures. Each window goes into `group`.
 */
function maximalWindows(
  timeline: PoolTimeline, owned: Float64Array | null, stack: WindowStack, search: FreeWindowSearch, group: number, provider: number,
): void {
  // Pops every figure above `height`, each a window ending at `to`; returns where `height` starts.
  const lower = (to: number, height: number): number => {
    let left = to;
    while (stack.size > 0 && stack.heights[stack.size - 1] > height) {
      stack.size--;
      left = stack.lefts[stack.size];
      search.addWindow(group, left, to, stack.heights[stack.size], provider);
    }
    return left;
  };
  const segments = timeline.segments;
  stack.size = 0;
  let previousEnd = NaN;
  for (let i = timeline.first; i < timeline.first + timeline.count; i++) {
    const start = segments.start[i];
    // Days between pieces have no capacity: nothing is free there.
    if (start !== previousEnd) lower(previousEnd, 0);
    const shared = timeline.shared === null ? segments.capacity[i] : timeline.shared[i - timeline.first];
    const open = shared > 0 || (owned !== null && owned[i - timeline.first] > 0);
    const free = segments.capacity[i] > 0 && open ? segments.capacity[i] - segments.demand[i] : 0;
    const left = lower(start, free);
    if (free > 0 && (stack.size === 0 || stack.heights[stack.size - 1] !== free)) stack.push(free, left);
    previousEnd = segments.end[i];
  }
  lower(previousEnd, 0);
}

/**
 * Without a Capacity table: a pool is free where no active booking holds it, among the pools the
 * catalog says their provider offers: the workbook's pools so offered, and each offering's listed
 * regions (block empty), which are free throughout when nobody booked them.
 */
function addUnbookedWindows(report: CheckReport, timelines: PoolTimelines, names: Names, search: FreeWindowSearch): void {
  const add = (pool: Pool, family: string, timeline: PoolTimeline | undefined) => addGaps(timeline, names.group(family, '', true), names.provider(pool.provider), search);
  // Blocks of one provider, region and silicon are many pools with one answer: each is asked of the catalog once.
  const offered = new Map<string, boolean>();
  for (const timeline of timelines.pools) {
    const { pool } = timeline;
    const family = names.family(pool.silicon);
    if (family === null) continue;
    const key = `${pool.provider}\u0000${pool.region}\u0000${pool.silicon}`;
    let isOfferedPool = offered.get(key);
    if (isOfferedPool === undefined) offered.set(key, (isOfferedPool = isOffered(report.catalog, pool)));
    if (isOfferedPool) add(pool, family, timeline);
  }
  for (const silicon of report.catalog.data.silicon) {
    for (const { provider, availability } of report.catalog.offersOf(silicon)) {
      if (availability.kind !== 'regions') continue;
      for (const region of availability.regions) {
        const pool: Pool = { key: poolKeyOf(provider.name, region, silicon.name, ''), provider: provider.name, region, silicon: silicon.name, block: '' };
        if (!timelines.byKey.has(pool.key)) add(pool, silicon.family, undefined);
      }
    }
  }
}

/** The days between the timeline's segments, and after its last, as windows free of any booking (all days when no timeline). */
function addGaps(timeline: PoolTimeline | undefined, group: number, provider: number, search: FreeWindowSearch): void {
  let from = -Infinity;
  if (timeline !== undefined) {
    const { start, end } = timeline.segments;
    for (let i = timeline.first; i < timeline.first + timeline.count; i++) {
      if (start[i] > from) search.addWindow(group, from, start[i], Infinity, provider);
      from = end[i];
    }
  }
  search.addWindow(group, from, Infinity, Infinity, provider);
}

/** Whether the catalog says the pool's provider offers its silicon in its region (or without naming regions). */
function isOffered(catalog: Catalog, pool: Pool): boolean {
  const provider = catalog.findProvider(pool.provider);
  const silicon = catalog.findSilicon(pool.silicon);
  if (!provider.found || !silicon.found) return false;
  const availability = catalog.availability(provider.value, silicon.value);
  return availability.kind === 'unlisted-regions' || (availability.kind === 'regions' && availability.regions.has(pool.region));
}
