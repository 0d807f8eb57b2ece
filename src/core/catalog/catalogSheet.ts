import { CatalogExtension, CatalogExtensionSchema } from './catalogSchema';
import { sheetCellAddress } from '../model/address';
import { Issue, ISSUE_SEVERITY } from '../validation/issue';
import { issueMessages } from '../validation/issueMessages';
import { normalizeHeader, normalizeName } from './normalizeName';
import { cellText, CellValue, isBlankCell, SheetSnapshot } from '../model/snapshot';
import { HEADER_SEARCH_ROWS } from '../tables/tableLayout';

export const CATALOG_SHEET = 'Catalog';

const CATALOG_COLUMNS = {
  provider: ['provider', 'cloud'],
  providerAliases: ['provideraliases', 'cloudaliases'],
  region: ['region', 'regions', 'location'],
  silicon: ['silicon', 'chip', 'accelerator'],
  siliconAliases: ['siliconaliases', 'chipaliases', 'aliases'],
  vendor: ['vendor', 'maker'],
  family: ['family', 'stack', 'softwarestack'],
  tflops: ['tflops', 'densebf16tflops', 'bf16tflops', 'peaktflops', 'teraflops'],
  hbm: ['hbm', 'hbmgb', 'memory', 'memorygb'],
  price: ['priceperchiphour', 'costperchiphour', 'chiphourprice', 'pricechiphour', 'price'],
} as const;
type CatalogColumn = keyof typeof CATALOG_COLUMNS;

export interface CatalogSheetResult {
  readonly extension: CatalogExtension;
  readonly issues: Issue[];
}

/**
 * Reads a workbook's Catalog sheet: one row per fact. Provider + Silicon (+ Region) says a provider
 * offers a chip (there); Provider + Region adds a region; Silicon with Vendor/TFLOPS/HBM defines a chip.
 * Aliases are listed with commas or semicolons. One pass on purpose: each row is one of the three kinds
 * of fact, told apart by the cells it fills, and reports its issues as it goes.
 */
export function readCatalogSheet(sheet: SheetSnapshot): CatalogSheetResult {
  const issues: Issue[] = [];
  const columns = findCatalogHeader(sheet);
  const empty: CatalogExtension = { silicon: [], providers: [] };
  if (columns === undefined) return { extension: empty, issues };
  const providers = new Map<string, { name: string; aliases: string[]; regions: string[]; offerings: Array<{ silicon: string; regions?: string[]; pricePerChipHour?: number }> }>();
  const silicon = new Map<string, { name: string; aliases: string[]; vendor?: string; family?: string; denseBf16Tflops?: number | null; hbmGb?: number | null }>();

  for (let rowIndex = columns.headerRow; rowIndex < sheet.rows.length; rowIndex++) {
    const row = sheet.rows[rowIndex];
    const value = (column: CatalogColumn): CellValue | undefined => (columns.at[column] === undefined ? undefined : row?.[columns.at[column] as number]);
    const text = (column: CatalogColumn): string => cellText(value(column));
    if (row == null || Object.values(columns.at).every((index) => isBlankCell(row[index as number]))) continue;
    const columnName = (column: CatalogColumn): string => cellText(sheet.rows[columns.headerRow - 1]?.[columns.at[column] ?? -1]) || column;
    const problem = (column: CatalogColumn, detail: string): void => {
      const index = columns.at[column] ?? 0;
      issues.push({
        sheet: sheet.name, row: rowIndex + 1, column: cellText(sheet.rows[columns.headerRow - 1]?.[index]) || column,
        cell: sheetCellAddress(rowIndex + 1, index), severity: ISSUE_SEVERITY['invalid-catalog-row'], code: 'invalid-catalog-row',
        message: issueMessages.invalidCatalogRow(detail),
      });
    };
    const providerName = text('provider');
    const siliconName = text('silicon');
    const regionNames = splitList(text('region'));
    if (providerName === '' && siliconName === '') {
      problem('provider', 'name a Provider, a Silicon or both.');
      continue;
    }
    if (siliconName !== '') {
      const key = normalizeName(siliconName);
      const entry = silicon.get(key) ?? { name: siliconName, aliases: [] };
      entry.aliases.push(...splitList(text('siliconAliases')));
      if (text('vendor') !== '') entry.vendor = text('vendor');
      if (text('family') !== '') entry.family = text('family');
      for (const [column, field] of [['tflops', 'denseBf16Tflops'], ['hbm', 'hbmGb']] as const) {
        const raw = value(column);
        if (isBlankCell(raw)) continue;
        const number = typeof raw === 'number' ? raw : Number(cellText(raw).replace(/,/g, ''));
        if (Number.isFinite(number) && number > 0) entry[field] = number;
        else problem(column, `${cellText(raw)} is not a positive number.`);
      }
      silicon.set(key, entry);
    }
    const price = priceOf(value('price'), columnName('price'));
    if (price.problem !== undefined) problem('price', price.problem);
    else if (price.value !== undefined && (providerName === '' || siliconName === '')) {
      problem('price', `a ${columnName('price')} needs both a Provider and a Silicon on its row, to say whose chip-hour it prices.`);
    }
    if (providerName !== '') {
      const key = normalizeName(providerName);
      const entry = providers.get(key) ?? { name: providerName, aliases: [], regions: [], offerings: [] };
      entry.aliases.push(...splitList(text('providerAliases')));
      entry.regions.push(...regionNames);
      if (siliconName !== '') {
        entry.offerings.push({
          silicon: siliconName, ...(regionNames.length > 0 ? { regions: regionNames } : {}), ...(price.value === undefined ? {} : { pricePerChipHour: price.value }),
        });
      }
      providers.set(key, entry);
    }
  }
  const parsed = CatalogExtensionSchema.safeParse({ silicon: [...silicon.values()], providers: [...providers.values()] });
  if (!parsed.success) {
    issues.push({
      sheet: sheet.name, row: columns.headerRow, column: '', cell: null, severity: 'error', code: 'invalid-catalog-row',
      message: issueMessages.invalidCatalogRow(parsed.error.issues.map((issue) => issue.message).join('; ')),
    });
    return { extension: empty, issues };
  }
  return { extension: parsed.data, issues };
}

/** A price cell: empty, a positive number (text with thousands commas too), or the reason it is none. */
function priceOf(raw: CellValue | undefined, columnName: string): { value?: number; problem?: string } {
  if (isBlankCell(raw)) return {};
  const text = cellText(raw).trim();
  const number = typeof raw === 'number' ? raw : Number(text.replace(/,/g, ''));
  if (Number.isFinite(number) && number > 0) return { value: number };
  // A currency sign is the likeliest slip; the catalog keeps one currency, so the number alone is asked for.
  const bare = text.replace(/^[$€£¥]\s*|\s*[$€£¥]$|\s*(USD|EUR|GBP)$/gi, '');
  const bareNumber = Number(bare.replace(/,/g, ''));
  const hint = bare !== text && Number.isFinite(bareNumber) && bareNumber > 0 ? `; write the number alone (${bare}), every price in the same currency` : '';
  return { problem: `${columnName} "${text}" is not a positive number${hint}.` };
}

function splitList(text: string): string[] {
  return text.split(/[,;]/).map((part) => part.trim()).filter((part) => part !== '');
}

function findCatalogHeader(sheet: SheetSnapshot): { headerRow: number; at: Partial<Record<CatalogColumn, number>> } | undefined {
  for (let rowIndex = 0; rowIndex < Math.min(sheet.rows.length, HEADER_SEARCH_ROWS); rowIndex++) {
    const at: Partial<Record<CatalogColumn, number>> = {};
    (sheet.rows[rowIndex] ?? []).forEach((value, index) => {
      const key = normalizeHeader(cellText(value));
      const column = (Object.keys(CATALOG_COLUMNS) as CatalogColumn[]).find((name) => (CATALOG_COLUMNS[name] as readonly string[]).includes(key));
      if (column !== undefined && at[column] === undefined) at[column] = index;
    });
    if (at.provider !== undefined || at.silicon !== undefined) return { headerRow: rowIndex + 1, at };
  }
  return undefined;
}
