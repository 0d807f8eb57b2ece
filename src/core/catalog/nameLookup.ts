import { isInactiveStatus, Pool, poolKeyOf } from '../model/booking';
import { Availability, Catalog, RegionMatch } from './catalog';
import { ProviderSpec, SiliconSpec } from './catalogSchema';

export type ProviderResult = { spec: ProviderSpec } | { spec: null; suggestion?: string };
export type SiliconResult = { spec: SiliconSpec } | { spec: null; suggestion?: string };

/**
 * The catalog's answers for the names a table uses, each asked once per distinct text: a big sheet
 * repeats a few names a million times. One per table read.
 */
export class NameLookup {
  private readonly providers = new Map<string, ProviderResult>();
  private readonly silicons = new Map<string, SiliconResult>();
  // Keyed by spec objects, not by joined text: a million rows would otherwise build and hash a million keys.
  private readonly regions = new Map<ProviderSpec, Map<string, RegionMatch>>();
  private readonly availabilities = new Map<ProviderSpec, Map<SiliconSpec, Availability>>();
  private readonly inactiveStatuses = new Map<string, boolean>();
  private readonly pools = new Map<string, Pool>();
  private readonly poolsByName = new Map<string, Map<string, Map<string, Map<string, Pool>>>>();

  constructor(readonly catalog: Catalog) {}

  // Each method looks up before it makes the closure that computes: it runs several times per row.
  provider(text: string): ProviderResult {
    return this.providers.get(text) ?? remembered(this.providers, text, () => {
      const match = this.catalog.findProvider(text);
      return match.found ? { spec: match.value } : { spec: null, suggestion: match.suggestion };
    });
  }

  silicon(text: string): SiliconResult {
    return this.silicons.get(text) ?? remembered(this.silicons, text, () => {
      const match = this.catalog.findSilicon(text);
      return match.found ? { spec: match.value } : { spec: null, suggestion: match.suggestion };
    });
  }

  region(provider: ProviderSpec, text: string): RegionMatch {
    const byText = childMap(this.regions, provider);
    return byText.get(text) ?? remembered(byText, text, () => this.catalog.findRegion(provider, text));
  }

  availability(provider: ProviderSpec, silicon: SiliconSpec): Availability {
    const bySilicon = childMap(this.availabilities, provider);
    return bySilicon.get(silicon) ?? remembered(bySilicon, silicon, () => this.catalog.availability(provider, silicon));
  }

  /** A regular expression per row costs more than the rest of the row's status handling. */
  isInactive(status: string): boolean {
    return this.inactiveStatuses.get(status) ?? remembered(this.inactiveStatuses, status, () => isInactiveStatus(status));
  }

  /** The one Pool object of these canonical names: rows repeat a few spellings, found before building the key. */
  pool(provider: string, region: string, silicon: string, block: string): Pool {
    const byBlock = childMap(childMap(childMap(this.poolsByName, provider), region), silicon);
    return byBlock.get(block) ?? remembered(byBlock, block, () => {
      const key = poolKeyOf(provider, region, silicon, block);
      return remembered(this.pools, key, () => ({ key, provider, region, silicon, block }));
    });
  }
}

function remembered<K, V>(map: Map<K, V>, key: K, compute: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = compute();
    map.set(key, value);
  }
  return value;
}

/** The map under `key`, added when missing. */
function childMap<K, K2, V>(map: Map<K, Map<K2, V>>, key: K): Map<K2, V> {
  let child = map.get(key);
  if (child === undefined) {
    child = new Map<K2, V>();
    map.set(key, child);
  }
  return child;
}
