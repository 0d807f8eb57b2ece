import { Catalog } from './catalog';
import { readCatalogSheet } from './catalogSheet';
import { DEFAULT_CATALOG } from './defaultCatalog';
import { CellValue, SheetSnapshot } from '../model/snapshot';

const sheetOf = (name: string, rows: CellValue[][]): SheetSnapshot => ({ name, rows });

describe('readCatalogSheet', () => {
  describe('when the sheet has no Provider or Silicon header in its first 20 rows', () => {
    it('adds nothing and reports nothing', () => {
      const result = readCatalogSheet(sheetOf('Catalog', [['Notes'], ['we should add Acme here']]));
      expect(result).toEqual({ extension: { silicon: [], providers: [] }, issues: [] });
    });
  });

  describe('when rows define a chip, a provider, its regions and an offering', () => {
    const sheet = sheetOf('Catalog', [
      ['Extra capacity we know about'],
      ['Cloud', 'Location', 'Chip', 'Chip aliases', 'Maker', 'Dense BF16 TFLOPS', 'HBM (GB)', 'Cloud aliases'],
      [null, null, 'Nebula-1', 'NB1; Nebula 1', 'Acme', '1,000', 128, null],
      [],
      ['Acme Cloud', 'acme-west-1, acme-east-1', null, null, null, null, null, 'Acme, ACME Corp'],
      ['Acme Cloud', 'acme-west-1', 'NB1', null, null, null, null, null],
      ['AWS', 'us-east-2', 'Trainium3', null, null, null, null, null],
    ]);

    it('reads each fact into the extension', () => {
      const { extension, issues } = readCatalogSheet(sheet);
      expect(issues).toEqual([]);
      expect(extension.silicon).toContainEqual({ name: 'Nebula-1', aliases: ['NB1', 'Nebula 1'], vendor: 'Acme', denseBf16Tflops: 1000, hbmGb: 128 });
      const [acme, aws] = extension.providers;
      expect(acme).toMatchObject({ name: 'Acme Cloud', aliases: ['Acme', 'ACME Corp'], offerings: [{ silicon: 'NB1', regions: ['acme-west-1'] }] });
      expect(new Set(acme.regions)).toEqual(new Set(['acme-west-1', 'acme-east-1']));
      expect(aws).toMatchObject({ name: 'AWS', regions: ['us-east-2'], offerings: [{ silicon: 'Trainium3', regions: ['us-east-2'] }] });
      expect(extension.providers).toHaveLength(2);
    });

    it('extends the default catalog so the new names are found', () => {
      const extended = Catalog.fromData(DEFAULT_CATALOG).extend(readCatalogSheet(sheet).extension);
      const acme = extended.findProvider('ACME Corp');
      expect(acme).toMatchObject({ found: true, value: { name: 'Acme Cloud' } });
      expect(extended.findSilicon('nebula 1')).toMatchObject({ found: true, value: { name: 'Nebula-1', denseBf16Tflops: 1000 } });
      expect(acme.found && extended.findRegion(acme.value, 'acme-east-1')).toEqual({ found: true, region: 'acme-east-1' });
    });
  });

  describe('when a row names neither a provider nor a chip', () => {
    it('reports the row on its Provider cell and reads the others', () => {
      const { extension, issues } = readCatalogSheet(sheetOf('Catalog', [
        ['Provider', 'Region', 'Silicon'],
        [null, 'acme-west-1', null],
        ['Acme Cloud', 'acme-west-1', null],
      ]));
      expect(issues).toEqual([{
        sheet: 'Catalog', row: 2, column: 'Provider', cell: 'A2', severity: 'error', code: 'invalid-catalog-row',
        message: 'Catalog row: name a Provider, a Silicon or both.',
      }]);
      expect(extension.providers.map((spec) => spec.name)).toEqual(['Acme Cloud']);
    });
  });

  describe('when a figure is not a positive number', () => {
    it.each([['fast'], [0], [-5]])('reports TFLOPS %p on its cell and keeps the chip without it', (tflops) => {
      const { extension, issues } = readCatalogSheet(sheetOf('Catalog', [
        ['Silicon', 'Vendor', 'TFLOPS'],
        ['Quark', 'Acme', tflops],
      ]));
      expect(issues).toEqual([expect.objectContaining({ row: 2, column: 'TFLOPS', cell: 'C2', code: 'invalid-catalog-row', severity: 'error' })]);
      expect(issues[0].message).toContain(`${tflops} is not a positive number`);
      expect(extension.silicon).toEqual([{ name: 'Quark', aliases: [], vendor: 'Acme' }]);
    });
  });
});

describe('readCatalogSheet prices', () => {
  const withPrices = (rows: CellValue[][]) => readCatalogSheet(sheetOf('Catalog', [['Provider', 'Region', 'Silicon', 'Price per chip-hour'], ...rows]));

  describe('when a Provider + Silicon row gives a price', () => {
    it('reads it onto the offering, as a number or as text with thousands commas', () => {
      const { extension, issues } = withPrices([['AWS', null, 'Trn2', 2.5], ['Lambda', null, 'H100', '1,200.5']]);
      expect(issues).toEqual([]);
      expect(extension.providers.map((spec) => spec.offerings)).toEqual([[{ silicon: 'Trn2', pricePerChipHour: 2.5 }], [{ silicon: 'H100', pricePerChipHour: 1200.5 }]]);
    });

    it('prices the chip in the extended catalog without widening where it is offered', () => {
      const extended = Catalog.fromData(DEFAULT_CATALOG).extend(withPrices([['Amazon', null, 'Trainium 2', 2.5]]).extension);
      expect(extended.pricePerChipHour('AWS', 'Trainium2')).toBe(2.5);
      expect(extended.pricePerChipHour('AWS', 'H100')).toBeNull();
      const aws = extended.findProvider('AWS');
      const trn2 = extended.findSilicon('Trn2');
      expect(aws.found && trn2.found && extended.availability(aws.value, trn2.value)).toEqual({ kind: 'regions', regions: new Set(['us-east-2', 'us-east-1', 'us-west-2']) });
    });
  });

  describe('when a price is not a positive number', () => {
    it.each([
      ['cheap', 'Catalog row: Price per chip-hour "cheap" is not a positive number.'],
      [0, 'Catalog row: Price per chip-hour "0" is not a positive number.'],
      [-2, 'Catalog row: Price per chip-hour "-2" is not a positive number.'],
      ['$2.50', 'Catalog row: Price per chip-hour "$2.50" is not a positive number; write the number alone (2.50), every price in the same currency.'],
    ])('reports %p on its cell with a precise message and keeps the offering unpriced', (price, message) => {
      const { extension, issues } = withPrices([['AWS', 'us-east-2', 'Trn2', price]]);
      expect(issues).toEqual([{ sheet: 'Catalog', row: 2, column: 'Price per chip-hour', cell: 'D2', severity: 'error', code: 'invalid-catalog-row', message }]);
      expect(extension.providers[0].offerings).toEqual([{ silicon: 'Trn2', regions: ['us-east-2'] }]);
    });
  });

  describe('when a price is on a row without both a Provider and a Silicon', () => {
    it('reports that a price needs both', () => {
      const { issues } = withPrices([['AWS', 'us-east-2', null, 3]]);
      expect(issues).toEqual([expect.objectContaining({
        cell: 'D2', code: 'invalid-catalog-row',
        message: 'Catalog row: a Price per chip-hour needs both a Provider and a Silicon on its row, to say whose chip-hour it prices.',
      })]);
    });
  });
});
