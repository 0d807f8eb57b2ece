import { BugIndicatingError, CellEdit, CellValue, isCellError, parseCellAddress, sheetCellAddress } from '../core';
import { WorkbookParts } from './findWorkbookParts';
import { patchSheetCells, targetsOf } from './patchSheetCells';
import { joinStartTag, StartTagText, withoutAttribute } from './startTag';
import { ZipArchive } from './zipArchive';

/**
 * Writes each edit's `after` into its cell, in `archive`, and nothing else: a number as a number, text
 * as an inline string, an empty value as an empty cell. A cell keeps its style, so a date serial written
 * into a date cell still shows as a date; cells the sheet lacks are added. Throws `BugIndicatingError`
 * for a cell holding a formula, which is never written over (the plan must not edit one).
 */
export function patchXlsxValues(archive: ZipArchive, parts: WorkbookParts, edits: readonly CellEdit[]): void {
  const bySheet = new Map<string, Map<string, CellValue>>();
  for (const edit of edits) {
    const values = bySheet.get(edit.sheet) ?? new Map<string, CellValue>();
    values.set(edit.address, edit.after);
    bySheet.set(edit.sheet, values);
  }
  for (const [sheetName, values] of bySheet) {
    const sheet = parts.sheets.find((candidate) => candidate.name === sheetName);
    if (sheet === undefined) throw new BugIndicatingError(`sheet ${sheetName} is not in the workbook`);
    const cells = [...values.keys()].map((address) => {
      const cell = parseCellAddress(address);
      if (cell === undefined) throw new BugIndicatingError(`${address} is not a cell address`);
      return cell;
    });
    const valueAt = (row: number, column: number) => values.get(sheetCellAddress(row, column - 1)) ?? null;
    archive.write(sheet.path, patchSheetCells(archive, sheet.path, targetsOf(cells), {
      existing: (tag, cell, prefix) => {
        if (cell.formula !== null) throw new BugIndicatingError(`${sheetName}!${sheetCellAddress(cell.row, cell.column - 1)} holds a formula, which is never written over`);
        return { whole: true, text: cellElement(tag, prefix, valueAt(cell.row, cell.column)) };
      },
      missing: (prefix, row, column) => valueCellXml(prefix, sheetCellAddress(row, column - 1), valueAt(row, column)),
    }));
  }
}

/** A new cell at `address` holding `value`, with cell format `style` when given. */
export function valueCellXml(prefix: string, address: string, value: CellValue, style?: number): string {
  return cellElement({ name: `${prefix}c`, attributes: ` r="${address}"${style === undefined ? '' : ` s="${style}"`}`, selfClosing: false }, prefix, value);
}

/** The cell's element holding `value`, with its start tag's attributes but those describing the old value. */
function cellElement(tag: StartTagText, prefix: string, value: CellValue): string {
  // The type, and the cell and value metadata of rich values and dynamic arrays, belong to the value replaced.
  const attributes = ['t', 'cm', 'vm'].reduce(withoutAttribute, tag.attributes);
  const open = (type: string | undefined, selfClosing = false) => joinStartTag({ ...tag, attributes: type === undefined ? attributes : `${attributes} t="${type}"`, selfClosing });
  const close = `</${tag.name}>`;
  if (value === null) return open(undefined, true);
  if (typeof value === 'number') return `${open(undefined)}<${prefix}v>${value}</${prefix}v>${close}`;
  if (typeof value === 'boolean') return `${open('b')}<${prefix}v>${value ? 1 : 0}</${prefix}v>${close}`;
  if (isCellError(value)) return `${open('e')}<${prefix}v>${escapeText(value.error)}</${prefix}v>${close}`;
  const space = /^\s|\s$/.test(value) ? ' xml:space="preserve"' : '';
  return `${open('inlineStr')}<${prefix}is><${prefix}t${space}>${escapeText(encodeCellText(value))}</${prefix}t></${prefix}is>${close}`;
}

/** Text as OOXML holds it: a literal `_xHHHH_` escaped as `_x005F_xHHHH_`, and characters XML cannot hold as `_xHHHH_`. */
function encodeCellText(text: string): string {
  return text
    .replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, (char) => `_x${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`);
}

function escapeText(text: string): string {
  return text.replace(/[<>&]/g, (char) => (char === '<' ? '&lt;' : char === '>' ? '&gt;' : '&amp;'));
}
