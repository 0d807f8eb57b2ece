import { Catalog, closestName, mergeCatalogData } from './catalog';
import { CatalogDataSchema, CatalogExtensionInput, CatalogExtensionSchema, ProviderSpec, SiliconSpec } from './catalogSchema';
import { DEFAULT_CATALOG } from './defaultCatalog';

const catalog = Catalog.fromData(DEFAULT_CATALOG);

/** An extension as `--catalog file.json` or a Catalog sheet gives it: parsed by the extension schema. */
const extension = (input: CatalogExtensionInput) => CatalogExtensionSchema.parse(input);

function provider(name: string, from: Catalog = catalog): ProviderSpec {
  const match = from.findProvider(name);
  if (!match.found) throw new Error(`test setup: no provider ${name}`);
  return match.value;
}

function silicon(name: string, from: Catalog = catalog): SiliconSpec {
  const match = from.findSilicon(name);
  if (!match.found) throw new Error(`test setup: no silicon ${name}`);
  return match.value;
}

function siliconName(text: string, from: Catalog = catalog): string | undefined {
  const match = from.findSilicon(text);
  return match.found ? match.value.name : undefined;
}

describe('DEFAULT_CATALOG', () => {
  describe('when validated with the catalog schema', () => {
    it('passes unchanged', () => {
      const parsed = CatalogDataSchema.safeParse(DEFAULT_CATALOG);
      expect(parsed.success).toBe(true);
      expect(parsed.data).toEqual(DEFAULT_CATALOG);
    });

    it('compiles with no name used twice and no offering of unknown silicon or region', () => {
      expect(Catalog.safeFromData(DEFAULT_CATALOG)).toMatchObject({ ok: true });
    });
  });

  describe('when compared with the reference facts of docs/DOMAIN.md', () => {
    it.each([
      ['Trainium1', 'AWS', 190, 32],
      ['Trainium2', 'AWS', 667, 96],
      ['Trainium3', 'AWS', 671, 144],
      ['Inferentia2', 'AWS', 190, 32],
      ['TPU v4', 'Google', 275, 32],
      ['TPU v5e', 'Google', 197, 16],
      ['TPU v5p', 'Google', 459, 95],
      ['TPU v6e (Trillium)', 'Google', 918, 32],
      ['TPU7x (Ironwood)', 'Google', 2307, 192],
      ['A100 80GB', 'NVIDIA', 312, 80],
      ['H100 SXM', 'NVIDIA', 989, 80],
      ['H200', 'NVIDIA', 989, 141],
      ['B200', 'NVIDIA', 2250, 180],
      ['GB200', 'NVIDIA', 2500, 186],
      ['MI300X', 'AMD', 1307, 192],
      ['MI325X', 'AMD', 1307, 256],
      ['MI355X', 'AMD', null, 288],
      ['Maia 100', 'Microsoft', 800, 64],
    ])('knows %s from %s at %p dense BF16 TFLOPS and %p GB of HBM', (name, vendor, tflops, hbm) => {
      const match = catalog.findSilicon(name);
      expect(match).toMatchObject({ found: true, value: { vendor, denseBf16Tflops: tflops, hbmGb: hbm } });
    });

    it.each([
      ['AWS', 'Trainium2', 'us-east-2'],
      ['AWS', 'H100', 'ap-northeast-1'],
      ['AWS', 'Trainium1', 'ap-southeast-4'],
      ['Google Cloud', 'TPU v5p', 'us-east5'],
      ['Google Cloud', 'TPU v4', 'us-central2'],
      ['Google Cloud', 'TPU7x', 'us-central1'],
      ['Microsoft Azure', 'MI300X', 'japaneast'],
    ])('has %s offering %s in %s', (providerName, siliconText, region) => {
      const availability = catalog.availability(provider(providerName), silicon(siliconText));
      expect(availability.kind).toBe('regions');
      expect(availability.kind === 'regions' && [...availability.regions]).toContain(region);
    });

    it.each(['AWS', 'Google Cloud', 'GCP', 'Microsoft Azure', 'Oracle Cloud', 'OCI', 'CoreWeave', 'Lambda', 'Self-built', 'On-prem'])(
      'knows the provider %s',
      (name) => {
        expect(catalog.findProvider(name).found).toBe(true);
      },
    );
  });
});

describe('Catalog', () => {
  describe('findProvider', () => {
    describe('when the text is a name or alias in any spelling', () => {
      it.each(['AWS', 'Amazon Web Services', 'Amazon', 'amazon-web-services', ' aws '])('finds AWS from %p', (text) => {
        expect(catalog.findProvider(text)).toMatchObject({ found: true, value: { name: 'AWS' } });
      });

      it('finds the other providers by their usual short names', () => {
        expect(provider('gcp').name).toBe('Google Cloud');
        expect(provider('Azure').name).toBe('Microsoft Azure');
        expect(provider('oci').name).toBe('Oracle Cloud');
        expect(provider('ON_PREM').name).toBe('Self-built');
      });
    });

    describe('when the text is a typo of a known name', () => {
      it('suggests the name', () => {
        expect(catalog.findProvider('Gogle Cloud')).toEqual({ found: false, suggestion: 'Google Cloud' });
        expect(catalog.findProvider('Amazn')).toEqual({ found: false, suggestion: 'Amazon' });
      });
    });

    describe('when the text is nowhere near a known name', () => {
      it('suggests nothing', () => {
        expect(catalog.findProvider('Banana Compute')).toEqual({ found: false, suggestion: undefined });
      });
    });
  });

  describe('findSilicon', () => {
    describe('when the text is a name or alias in any spelling', () => {
      it.each(['Trn2', 'Trainium 2', 'trainium-2', 'Trainium2', 'TRAINIUM_2'])('finds Trainium2 from %p', (text) => {
        expect(siliconName(text)).toBe('Trainium2');
      });

      it.each(['v5p', 'TPU v5p', 'tpu-v5p'])('finds TPU v5p from %p', (text) => {
        expect(siliconName(text)).toBe('TPU v5p');
      });

      it.each(['H100 SXM', 'NVIDIA H100', 'H100', 'h100-sxm'])('finds H100 SXM from %p', (text) => {
        expect(siliconName(text)).toBe('H100 SXM');
      });
    });

    describe('when the text is a typo of a known name', () => {
      it.each([
        ['Trainuim2', 'Trainium2'],
        ['H10O', 'H100'],
        ['MI300', 'MI300X'],
      ])('suggests %p → %p', (text, suggestion) => {
        expect(catalog.findSilicon(text)).toEqual({ found: false, suggestion });
      });
    });

    describe('when the text is nowhere near a known name', () => {
      it.each(['Pentium', 'quantum annealer', 'xyz'])('suggests nothing for %p', (text) => {
        expect(catalog.findSilicon(text)).toEqual({ found: false, suggestion: undefined });
      });
    });
  });

  describe('findRegion', () => {
    describe('when the text is a region of the provider', () => {
      it('finds it in any spelling and returns the catalog spelling', () => {
        expect(catalog.findRegion(provider('AWS'), 'US_EAST_1')).toEqual({ found: true, region: 'us-east-1' });
        expect(catalog.findRegion(provider('Azure'), 'East US 2')).toEqual({ found: true, region: 'eastus2' });
      });
    });

    describe('when the text is a zone', () => {
      it.each([
        ['Google Cloud', 'us-central1-a', 'us-central1'],
        ['Google Cloud', 'europe-west4-b', 'europe-west4'],
        ['AWS', 'us-east-1a', 'us-east-1'],
        ['AWS', 'us-west-2d', 'us-west-2'],
      ])('maps %s zone %s to its region %s', (providerName, zone, region) => {
        expect(catalog.findRegion(provider(providerName), zone)).toEqual({ found: true, region, fromZone: zone });
      });
    });

    describe('when the text is a typo of one of its regions', () => {
      it('suggests the region', () => {
        expect(catalog.findRegion(provider('AWS'), 'us-est-1')).toEqual({ found: false, suggestion: 'us-east-1', otherProvider: undefined });
      });
    });

    describe('when the text is a region of another provider', () => {
      it('names that provider and suggests no look-alike of this provider', () => {
        expect(catalog.findRegion(provider('AWS'), 'us-central1')).toEqual({ found: false, suggestion: undefined, otherProvider: 'Google Cloud' });
        expect(catalog.findRegion(provider('Google Cloud'), 'eastus')).toMatchObject({ found: false, otherProvider: 'Microsoft Azure' });
      });
    });

    describe('when the text is nowhere near a region', () => {
      it('suggests nothing', () => {
        expect(catalog.findRegion(provider('AWS'), 'Mars base')).toEqual({ found: false, suggestion: undefined, otherProvider: undefined });
      });
    });

    describe('when the provider takes free-text regions', () => {
      it('accepts any text as the region, trimmed', () => {
        expect(catalog.findRegion(provider('Self-built'), ' Memphis ')).toEqual({ found: true, region: 'Memphis' });
        expect(catalog.findRegion(provider('CoreWeave'), 'Plano, TX')).toEqual({ found: true, region: 'Plano, TX' });
      });
    });
  });

  describe('availability and offersOf', () => {
    describe('when the provider lists regions for the silicon', () => {
      it('returns them', () => {
        expect(catalog.availability(provider('AWS'), silicon('H200'))).toEqual({ kind: 'regions', regions: new Set(['us-east-2']) });
      });
    });

    describe('when the provider offers the silicon without saying where', () => {
      it('returns unlisted regions', () => {
        expect(catalog.availability(provider('Oracle Cloud'), silicon('H100'))).toEqual({ kind: 'unlisted-regions' });
      });
    });

    describe('when the provider does not offer the silicon', () => {
      it('returns not offered, and offersOf names who does', () => {
        expect(catalog.availability(provider('Microsoft Azure'), silicon('TPU v5p'))).toEqual({ kind: 'not-offered' });
        expect(catalog.offersOf(silicon('TPU v5p')).map((offer) => offer.provider.name)).toEqual(['Google Cloud']);
      });
    });
  });

  describe('fromData and safeFromData', () => {
    describe('when the data breaks the schema', () => {
      it('returns the problems with their paths, or throws them in one readable error', () => {
        const bad = { silicon: [{ name: '', vendor: 'X', family: 'Y', denseBf16Tflops: -1, hbmGb: null }], providers: [] };
        const result = Catalog.safeFromData(bad);
        expect(result.ok).toBe(false);
        expect(!result.ok && result.problems.some((problem) => problem.startsWith('silicon.0.name'))).toBe(true);
        expect(!result.ok && result.problems.some((problem) => problem.startsWith('silicon.0.denseBf16Tflops'))).toBe(true);
        expect(() => Catalog.fromData(bad)).toThrow(/^Invalid catalog: silicon\.0\./);
      });
    });

    describe('when two chips share a name', () => {
      it('names both owners', () => {
        const data = mergeCatalogData(DEFAULT_CATALOG, extension({}));
        data.silicon[0] = { ...data.silicon[0], aliases: [...data.silicon[0].aliases, 'H100'] };
        expect(Catalog.safeFromData(data)).toEqual({ ok: false, problems: ['silicon name "H100" is used by both Trainium1 and H100 SXM'] });
      });
    });
  });
});

describe('closestName', () => {
  describe('when the text is blank', () => {
    it('suggests nothing', () => {
      expect(closestName(' - ', ['AWS'])).toBeUndefined();
    });
  });

  describe('when two candidates are within reach', () => {
    it('suggests the nearer one', () => {
      expect(closestName('trainuim2', ['Trainium1', 'Trainium2'])).toBe('Trainium2');
    });
  });
});

describe('mergeCatalogData', () => {
  describe('when the extension names an existing chip by an alias', () => {
    it('updates that chip, adding the new spelling as an alias, and leaves the base data alone', () => {
      const before = JSON.stringify(DEFAULT_CATALOG);
      const merged = mergeCatalogData(DEFAULT_CATALOG, extension({ silicon: [{ name: 'Trn2', aliases: ['AWS Trainium 2'], hbmGb: 100 }] }));
      const trainium2 = merged.silicon.find((spec) => spec.name === 'Trainium2');
      expect(trainium2).toMatchObject({ denseBf16Tflops: 667, hbmGb: 100 });
      expect(trainium2?.aliases).toContain('AWS Trainium 2');
      expect(merged.silicon.filter((spec) => spec.name === 'Trn2')).toEqual([]);
      expect(JSON.stringify(DEFAULT_CATALOG)).toBe(before);
    });
  });

  describe('when the extension adds a new chip without figures', () => {
    it('adds it with unknown vendor and no figures', () => {
      const merged = mergeCatalogData(DEFAULT_CATALOG, extension({ silicon: [{ name: 'Nebula-1' }] }));
      expect(merged.silicon.at(-1)).toEqual({ name: 'Nebula-1', aliases: [], vendor: 'unknown', family: 'unknown', denseBf16Tflops: null, hbmGb: null });
    });
  });

  describe('when the extension adds a new provider', () => {
    it('takes free-text regions only when it lists none', () => {
      const merged = mergeCatalogData(DEFAULT_CATALOG, extension({ providers: [{ name: 'Nimbus' }, { name: 'Acme Cloud', regions: ['acme-west-1'] }] }));
      expect(merged.providers.find((spec) => spec.name === 'Nimbus')?.anyRegion).toBe(true);
      expect(merged.providers.find((spec) => spec.name === 'Acme Cloud')?.anyRegion).toBe(false);
    });
  });
});

describe('Catalog.extend', () => {
  describe('when the extension adds a provider, a region and a chip', () => {
    it('finds and offers them, while the original catalog does not', () => {
      const extended = catalog.extend(
        extension({
          silicon: [{ name: 'Nebula-1', aliases: ['NB1'], vendor: 'Acme', denseBf16Tflops: 500 }],
          providers: [{ name: 'Acme Cloud', aliases: ['Acme'], regions: ['acme-west-1'], offerings: [{ silicon: 'NB1', regions: ['acme-west-1'] }] }],
        }),
      );
      const acme = provider('acme', extended);
      const nebula = silicon('nebula 1', extended);
      expect(nebula).toMatchObject({ name: 'Nebula-1', vendor: 'Acme', denseBf16Tflops: 500 });
      expect(extended.findRegion(acme, 'acme-west-1a')).toEqual({ found: true, region: 'acme-west-1', fromZone: 'acme-west-1a' });
      expect(extended.availability(acme, nebula)).toEqual({ kind: 'regions', regions: new Set(['acme-west-1']) });
      expect(catalog.findProvider('Acme Cloud').found).toBe(false);
    });
  });

  describe('when the extension adds a region to an existing provider', () => {
    it('adds the region and the offering to what the provider had', () => {
      const extended = catalog.extend(extension({ providers: [{ name: 'Amazon', regions: ['ap-south-9'], offerings: [{ silicon: 'Trn2', regions: ['ap-south-9'] }] }] }));
      const aws = provider('AWS', extended);
      expect(extended.findRegion(aws, 'ap-south-9')).toEqual({ found: true, region: 'ap-south-9' });
      const availability = extended.availability(aws, silicon('Trn2', extended));
      expect(availability.kind === 'regions' && [...availability.regions].sort()).toEqual(['ap-south-9', 'us-east-1', 'us-east-2', 'us-west-2']);
    });

    it('keeps a free-text provider taking any region', () => {
      const extended = catalog.extend(extension({ providers: [{ name: 'Self-built', regions: ['Memphis'] }] }));
      expect(extended.findRegion(provider('Self-built', extended), 'Abilene')).toEqual({ found: true, region: 'Abilene' });
    });
  });

  describe('when the extension adds a provider without regions', () => {
    it('accepts any region for it', () => {
      const extended = catalog.extend(extension({ providers: [{ name: 'Nimbus', offerings: [{ silicon: 'H100' }] }] }));
      expect(extended.findRegion(provider('Nimbus', extended), 'Reykjavik')).toEqual({ found: true, region: 'Reykjavik' });
    });
  });

  describe('when the extension offers a chip the catalog does not know', () => {
    it('throws a readable error from extend and returns the problem from safeExtend', () => {
      const bad = extension({ providers: [{ name: 'AWS', offerings: [{ silicon: 'Trainium9' }] }] });
      expect(catalog.safeExtend(bad)).toEqual({ ok: false, problems: ['AWS offers unknown silicon "Trainium9"'] });
      expect(() => catalog.extend(bad)).toThrow('Invalid catalog: AWS offers unknown silicon "Trainium9"');
    });
  });

  describe('when the extension offers a chip in a region the provider does not have', () => {
    it('returns the problem from safeExtend', () => {
      const bad = extension({ providers: [{ name: 'Acme Cloud', regions: ['acme-west-1'], offerings: [{ silicon: 'H100', regions: ['acme-east-1'] }] }] });
      expect(catalog.safeExtend(bad)).toEqual({ ok: false, problems: ['Acme Cloud offers H100 in "acme-east-1", which is not one of its regions'] });
    });
  });
});

describe('CatalogExtensionSchema', () => {
  describe('when a --catalog file is shaped wrongly', () => {
    it.each([
      ['an unknown top-level key', { chips: [] }, ''],
      ['a chip without a name', { silicon: [{ vendor: 'Acme' }] }, 'silicon.0.name'],
      ['a negative TFLOPS figure', { silicon: [{ name: 'Nebula-1', denseBf16Tflops: -5 }] }, 'silicon.0.denseBf16Tflops'],
      ['regions given as text', { providers: [{ name: 'Acme', regions: 'acme-west-1' }] }, 'providers.0.regions'],
    ])('rejects %s at its path', (_case, input, path) => {
      const parsed = CatalogExtensionSchema.safeParse(input);
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues.map((issue) => issue.path.join('.'))).toContain(path);
    });
  });

  describe('when a --catalog file is well formed', () => {
    it('fills in empty lists and leaves anyRegion for the merge to decide', () => {
      expect(CatalogExtensionSchema.parse({ providers: [{ name: 'Nimbus' }] })).toEqual({
        silicon: [],
        providers: [{ name: 'Nimbus', aliases: [], regions: [], offerings: [] }],
      });
    });
  });
});

describe('Catalog.pricePerChipHour', () => {
  describe('with the default catalog', () => {
    it('has no price for any offering: every pool is unpriced', () => {
      for (const spec of DEFAULT_CATALOG.providers) for (const offering of spec.offerings) expect(catalog.pricePerChipHour(spec.name, offering.silicon)).toBeNull();
    });
  });

  describe('when a --catalog extension prices an offering', () => {
    const priced = catalog.extend(extension({ providers: [{ name: 'CoreWeave', offerings: [{ silicon: 'H200', pricePerChipHour: 3.1 }] }] }));

    it('answers for any spelling of the provider and the silicon, and null elsewhere', () => {
      expect(priced.pricePerChipHour('core weave', 'NVIDIA H200')).toBe(3.1);
      expect(priced.pricePerChipHour('CoreWeave', 'B200')).toBeNull();
      expect(priced.pricePerChipHour('Nebius', 'H200')).toBeNull();
    });

    it('lets a later price override an earlier one', () => {
      const repriced = priced.extend(extension({ providers: [{ name: 'CW', offerings: [{ silicon: 'H200', pricePerChipHour: 2.9 }] }] }));
      expect(repriced.pricePerChipHour('CoreWeave', 'H200')).toBe(2.9);
    });
  });

  describe('when a --catalog price is not a positive number', () => {
    it.each([[0], [-1], ['2.5']])('refuses %p, naming the field', (price) => {
      const parsed = CatalogExtensionSchema.safeParse({ providers: [{ name: 'AWS', offerings: [{ silicon: 'Trn2', pricePerChipHour: price }] }] });
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues[0].path.join('.')).toBe('providers.0.offerings.0.pricePerChipHour');
    });
  });
});
