/** The newest ExcelApi requirement set @types/office-js documents; the simulated host implements up to it. */
export const NEWEST_EXCEL_API = '1.21';

/** Compares dotted versions numerically: "1.9" < "1.18". */
export function compareVersions(a: string, b: string): number {
  const [left, right] = [a, b].map((version) => version.split('.').map(Number));
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const difference = (left[i] ?? 0) - (right[i] ?? 0);
    if (difference !== 0) return Math.sign(difference);
  }
  return 0;
}

/** The minor version of "1.9": 9. */
export function excelApiMinor(version: string): number {
  const match = /^1\.(\d+)$/.exec(version);
  if (match === null) throw new Error(`ExcelSimulator: "${version}" is not an ExcelApi version such as "1.9"`);
  return Number(match[1]);
}

export interface HostCapabilities {
  readonly excelApi: string;
  /** Whether the host reports the DelayForCellEdit set, without which Office.js drops `delayForCellEdit`. */
  readonly delayForCellEdit: boolean;
}

/**
 * `Office.context.requirements.isSetSupported` as the host answers it: ExcelApi up to its version,
 * DelayForCellEdit when it has that capability, and no other set (the client library then takes its
 * plain code paths instead of ones for sets the host would not honour).
 */
export function isSetSupportedBy(capabilities: HostCapabilities): (name: string, minVersion?: string | number) => boolean {
  return (name, minVersion = '1.1') => {
    if (name === 'ExcelApi') return compareVersions(String(minVersion), capabilities.excelApi) <= 0;
    if (name === 'DelayForCellEdit') return capabilities.delayForCellEdit;
    return false;
  };
}
