import { SiliconSpec } from '../catalog/catalogSchema';
import { CellValue } from '../model/snapshot';

/** How far TFLOPS may be from chips × the silicon's dense BF16 peak before it is a `tflops-mismatch`. */
export const TFLOPS_TOLERANCE = 0.1;

const DECIMAL_TEXT = /^-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;

/** A number, or text such as "1,234.5"; null for anything else. */
export function readNumber(value: CellValue | undefined): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && DECIMAL_TEXT.test(value.trim())) return Number(value.trim().replace(/,/g, ''));
  return null;
}

/** Chips × the silicon's dense BF16 peak; null when the vendor publishes no peak. */
export function expectedTflops(chips: number, silicon: SiliconSpec): number | null {
  return silicon.denseBf16Tflops ? chips * silicon.denseBf16Tflops : null;
}

/** Whether TFLOPS is within the tolerance of what the chips give; true when nothing can be expected. */
export function tflopsMatches(tflops: number, chips: number, silicon: SiliconSpec): boolean {
  const expected = expectedTflops(chips, silicon);
  return expected === null || Math.abs(tflops - expected) <= TFLOPS_TOLERANCE * expected;
}
