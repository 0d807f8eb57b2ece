import { CellRange, parseRangeAddress } from '../core';
import { SimulatedOfficeError } from './simulatedOfficeError';

export interface ParsedAddress {
  /** The sheet named before "!", unquoted; absent for a bare "A1:B2". */
  readonly sheetName?: string;
  readonly range: CellRange;
}

/** The core's `parseRangeAddress`, where a malformed address is Office.js's InvalidArgument. */
export function parseAddress(text: string): ParsedAddress {
  const parsed = parseRangeAddress(text);
  if (parsed === undefined) throw SimulatedOfficeError.invalidArgument('address');
  return parsed;
}
