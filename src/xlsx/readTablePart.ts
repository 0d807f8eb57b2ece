import { parseRangeAddress, TableSnapshot } from '../core';
import { localName, parseXmlPart } from './parseXmlPart';
import { UnreadableArchive, ZipArchive } from './zipArchive';
import { decodeCellText } from './xmlText';

/**
 * One Excel table definition (`xl/tables/tableN.xml`): its name as users see it (`displayName`, which
 * structured references use), its range, header and totals rows, and column names. Throws
 * `UnreadableArchive` when the part is not a table with a range inside the grid.
 */
export function readTablePart(archive: ZipArchive, partName: string): TableSnapshot {
  let table: { name: string; ref: string; headerRowCount: string; totalsRowCount: string } | undefined;
  const columns: string[] = [];
  let inColumns = false;
  const parsed = parseXmlPart(archive, partName, {
    open(tag) {
      const name = localName(tag.name);
      const attributes = tag.attributes;
      if (name === 'table' && table === undefined) {
        table = {
          name: attributes.displayName ?? attributes.name ?? '',
          ref: attributes.ref ?? '',
          headerRowCount: attributes.headerRowCount ?? '1',
          totalsRowCount: attributes.totalsRowCount ?? '0',
        };
      } else if (name === 'tableColumns') inColumns = !tag.isSelfClosing;
      else if (name === 'tableColumn' && inColumns) columns.push(decodeCellText(attributes.name ?? ''));
    },
    close(name) {
      if (localName(name) === 'tableColumns') inColumns = false;
    },
  });
  if (parsed === undefined) throw new UnreadableArchive(`${partName} is referenced but missing`);
  if (table === undefined) throw new UnreadableArchive(`its part ${partName} is not a table definition`);
  const range = parseRangeAddress(table.ref)?.range;
  if (range === undefined || table.ref.includes('!')) throw new UnreadableArchive(`its table ${table.name} (${partName}) has the range "${table.ref.slice(0, 40)}", which is not a range of cells`);
  // Excel writes totalsRowShown="0" for a totals row once shown and now hidden: only totalsRowCount puts one in the range.
  return { name: table.name, range, hasHeaderRow: Number(table.headerRowCount) > 0, hasTotalsRow: Number(table.totalsRowCount) > 0, columns };
}
