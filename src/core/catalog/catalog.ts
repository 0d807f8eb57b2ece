import { CatalogData, CatalogDataSchema, CatalogExtension, Offering, ProviderSpec, SiliconSpec } from './catalogSchema';
import { editDistance, typoAllowance } from './editDistance';
import { normalizeName } from './normalizeName';

export type NameMatch<T> = { found: true; value: T } | { found: false; suggestion?: string };

export type RegionMatch =
  | { found: true; region: string; fromZone?: string }
  | { found: false; suggestion?: string; otherProvider?: string };

/** Where a provider offers a silicon: nowhere, somewhere the catalog does not pin down, or these regions. */
export type Availability = { kind: 'not-offered' } | { kind: 'unlisted-regions' } | { kind: 'regions'; regions: ReadonlySet<string> };

interface ProviderEntry {
  readonly spec: ProviderSpec;
  readonly regionsByKey: ReadonlyMap<string, string>;
  readonly offerings: ReadonlyMap<string, ReadonlySet<string> | null>;
  /** Price per chip-hour by the silicon's canonical name, where the catalog has one. */
  readonly prices: ReadonlyMap<string, number>;
}

/** The provider and silicon schemas, compiled for lookups by any spelling a user may type. */
export class Catalog {
  private readonly providersByKey = new Map<string, ProviderEntry>();
  private readonly siliconByKey = new Map<string, SiliconSpec>();
  private readonly providerNames: string[] = [];
  private readonly siliconNames: string[] = [];

  private constructor(readonly data: CatalogData) {
    for (const silicon of data.silicon) {
      for (const name of [silicon.name, ...silicon.aliases]) {
        this.siliconByKey.set(normalizeName(name), silicon);
        this.siliconNames.push(name);
      }
    }
    for (const provider of data.providers) {
      const regionsByKey = new Map(provider.regions.map((region) => [normalizeName(region), region]));
      const { offerings, prices } = this.compileOfferings(provider, regionsByKey);
      const entry: ProviderEntry = { spec: provider, regionsByKey, offerings, prices };
      for (const name of [provider.name, ...provider.aliases]) {
        this.providersByKey.set(normalizeName(name), entry);
        this.providerNames.push(name);
      }
    }
  }

  /**
   * Where the provider offers each silicon, and its prices. An offering that only gives a price (no
   * regions) of a chip the provider already offers keeps the regions it has: a price widens nothing.
   */
  private compileOfferings(provider: ProviderSpec, regionsByKey: ReadonlyMap<string, string>): Pick<ProviderEntry, 'offerings' | 'prices'> {
    const offerings = new Map<string, ReadonlySet<string> | null>();
    const prices = new Map<string, number>();
    const priceOnly = (offering: Offering) => offering.regions === undefined && offering.pricePerChipHour !== undefined;
    for (const offering of [...provider.offerings.filter((o) => !priceOnly(o)), ...provider.offerings.filter(priceOnly)]) {
      const silicon = this.siliconByKey.get(normalizeName(offering.silicon));
      if (!silicon) continue;
      const regions = offering.regions?.map((region) => regionsByKey.get(normalizeName(region)) ?? region);
      const previous = offerings.get(silicon.name);
      if (!(priceOnly(offering) && previous !== undefined)) {
        offerings.set(silicon.name, regions === undefined || previous === null ? null : new Set([...(previous ?? []), ...regions]));
      }
    }
    // In the order given, so a later price (an extension's) overrides an earlier one (the default's).
    for (const offering of provider.offerings) {
      const silicon = this.siliconByKey.get(normalizeName(offering.silicon));
      if (silicon && offering.pricePerChipHour !== undefined) prices.set(silicon.name, offering.pricePerChipHour);
    }
    return { offerings, prices };
  }

  /** Compiles catalog data, throwing a readable error when it breaks the schema or refers to unknown names. */
  static fromData(input: unknown): Catalog {
    const result = Catalog.safeFromData(input);
    if (!result.ok) throw new Error(`Invalid catalog: ${result.problems.join('; ')}`);
    return result.catalog;
  }

  /** Like `fromData`, but returns the problems instead of throwing. */
  static safeFromData(input: unknown): { ok: true; catalog: Catalog } | { ok: false; problems: string[] } {
    const parsed = CatalogDataSchema.safeParse(input);
    if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) };
    const problems = findCatalogProblems(parsed.data);
    return problems.length > 0 ? { ok: false, problems } : { ok: true, catalog: new Catalog(parsed.data) };
  }

  /** A new catalog with the extension's providers, silicon and offerings added to (or updating) these. */
  extend(extension: CatalogExtension): Catalog {
    return Catalog.fromData(mergeCatalogData(this.data, extension));
  }

  /** Like `extend`, but returns the problems instead of throwing. */
  safeExtend(extension: CatalogExtension): { ok: true; catalog: Catalog } | { ok: false; problems: string[] } {
    return Catalog.safeFromData(mergeCatalogData(this.data, extension));
  }

  findProvider(text: string): NameMatch<ProviderSpec> {
    const entry = this.providersByKey.get(normalizeName(text));
    if (entry) return { found: true, value: entry.spec };
    return { found: false, suggestion: closestName(text, this.providerNames) };
  }

  findSilicon(text: string): NameMatch<SiliconSpec> {
    const silicon = this.siliconByKey.get(normalizeName(text));
    if (silicon) return { found: true, value: silicon };
    return { found: false, suggestion: closestName(text, this.siliconNames) };
  }

  /** A region of the provider; a zone such as us-central1-a maps to its region. */
  findRegion(provider: ProviderSpec, text: string): RegionMatch {
    const entry = this.entryOf(provider);
    const key = normalizeName(text);
    if (provider.anyRegion && !entry.regionsByKey.has(key)) return { found: true, region: text.trim() };
    const exact = entry.regionsByKey.get(key);
    if (exact) return { found: true, region: exact };
    const zoneRegion = entry.regionsByKey.get(key.replace(/[a-z]$/, ''));
    if (zoneRegion && /\d[a-z]$/.test(key)) return { found: true, region: zoneRegion, fromZone: text.trim() };
    const otherProvider = this.data.providers.find((other) => other !== provider && this.entryOf(other).regionsByKey.has(key));
    // Another provider's region is no typo: a look-alike of this provider's (us-central1 → ca-central-1) would move the booking.
    const suggestion = otherProvider === undefined ? closestName(text, provider.regions) : undefined;
    return { found: false, suggestion, otherProvider: otherProvider?.name };
  }

  availability(provider: ProviderSpec, silicon: SiliconSpec): Availability {
    const regions = this.entryOf(provider).offerings.get(silicon.name);
    if (regions === undefined) return { kind: 'not-offered' };
    if (regions === null) return { kind: 'unlisted-regions' };
    return { kind: 'regions', regions };
  }

  /** The price of one chip-hour of the silicon at the provider (any spelling of either), or null: unpriced. */
  pricePerChipHour(providerName: string, siliconName: string): number | null {
    const entry = this.providersByKey.get(normalizeName(providerName));
    const silicon = this.siliconByKey.get(normalizeName(siliconName));
    if (entry === undefined || silicon === undefined) return null;
    return entry.prices.get(silicon.name) ?? null;
  }

  /** Providers that offer the silicon, with where (for moving a booking elsewhere). */
  offersOf(silicon: SiliconSpec): Array<{ provider: ProviderSpec; availability: Availability }> {
    return this.data.providers
      .map((provider) => ({ provider, availability: this.availability(provider, silicon) }))
      .filter(({ availability }) => availability.kind !== 'not-offered');
  }

  private entryOf(provider: ProviderSpec): ProviderEntry {
    const entry = this.providersByKey.get(normalizeName(provider.name));
    if (!entry) throw new Error(`Provider ${provider.name} is not in this catalog`);
    return entry;
  }
}

/** The known name closest to a typo, when one is within typing distance. */
export function closestName(text: string, candidates: readonly string[]): string | undefined {
  const key = normalizeName(text);
  if (key === '') return undefined;
  const allowance = typoAllowance(key.length);
  let best: string | undefined;
  let bestDistance = allowance + 1;
  for (const candidate of candidates) {
    const distance = editDistance(key, normalizeName(candidate), bestDistance - 1);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function findCatalogProblems(data: CatalogData): string[] {
  const problems: string[] = [];
  const siliconKeys = new Map<string, string>();
  for (const silicon of data.silicon) {
    for (const name of [silicon.name, ...silicon.aliases]) {
      const owner = siliconKeys.get(normalizeName(name));
      if (owner !== undefined && owner !== silicon.name) problems.push(`silicon name "${name}" is used by both ${owner} and ${silicon.name}`);
      siliconKeys.set(normalizeName(name), silicon.name);
    }
  }
  const providerKeys = new Map<string, string>();
  for (const provider of data.providers) {
    for (const name of [provider.name, ...provider.aliases]) {
      const owner = providerKeys.get(normalizeName(name));
      if (owner !== undefined && owner !== provider.name) problems.push(`provider name "${name}" is used by both ${owner} and ${provider.name}`);
      providerKeys.set(normalizeName(name), provider.name);
    }
    const regionKeys = new Set(provider.regions.map(normalizeName));
    for (const offering of provider.offerings) {
      if (!siliconKeys.has(normalizeName(offering.silicon))) problems.push(`${provider.name} offers unknown silicon "${offering.silicon}"`);
      for (const region of offering.regions ?? []) {
        if (!provider.anyRegion && !regionKeys.has(normalizeName(region))) {
          problems.push(`${provider.name} offers ${offering.silicon} in "${region}", which is not one of its regions`);
        }
      }
    }
  }
  return problems;
}

function unionByKey(first: readonly string[], second: readonly string[] = []): string[] {
  const seen = new Map<string, string>();
  for (const name of [...first, ...second]) if (!seen.has(normalizeName(name))) seen.set(normalizeName(name), name);
  return [...seen.values()];
}

/** Default data plus an extension: same-named entries merge (aliases, regions and offerings add up, specs override). */
export function mergeCatalogData(base: CatalogData, extension: CatalogExtension): CatalogData {
  const silicon = base.silicon.map((spec) => ({ ...spec }));
  for (const added of extension.silicon) {
    const keys = new Set([added.name, ...added.aliases].map(normalizeName));
    const existing = silicon.find((spec) => [spec.name, ...spec.aliases].some((name) => keys.has(normalizeName(name))));
    if (existing) {
      existing.aliases = unionByKey(existing.aliases, added.aliases.filter((alias) => normalizeName(alias) !== normalizeName(existing.name)));
      if (normalizeName(added.name) !== normalizeName(existing.name)) existing.aliases = unionByKey(existing.aliases, [added.name]);
      if (added.vendor !== undefined) existing.vendor = added.vendor;
      if (added.family !== undefined) existing.family = added.family;
      if (added.denseBf16Tflops !== undefined) existing.denseBf16Tflops = added.denseBf16Tflops;
      if (added.hbmGb !== undefined) existing.hbmGb = added.hbmGb;
    } else {
      silicon.push({
        name: added.name,
        aliases: added.aliases,
        vendor: added.vendor ?? 'unknown',
        family: added.family ?? added.vendor ?? 'unknown',
        denseBf16Tflops: added.denseBf16Tflops ?? null,
        hbmGb: added.hbmGb ?? null,
      });
    }
  }
  const providers = base.providers.map((spec) => ({ ...spec, offerings: [...spec.offerings] }));
  for (const added of extension.providers) {
    const keys = new Set([added.name, ...added.aliases].map(normalizeName));
    const existing = providers.find((spec) => [spec.name, ...spec.aliases].some((name) => keys.has(normalizeName(name))));
    if (existing) {
      existing.aliases = unionByKey(existing.aliases, added.aliases);
      existing.regions = unionByKey(existing.regions, added.regions);
      if (added.anyRegion !== undefined) existing.anyRegion = added.anyRegion;
      existing.offerings.push(...added.offerings);
    } else {
      providers.push({ ...added, anyRegion: added.anyRegion ?? added.regions.length === 0 });
    }
  }
  return { silicon, providers };
}
