import { ExcelSimulator } from './ExcelSimulator';

/** A small capacity workbook: a table with an error cell, a yellow and a white fill, a log and a state sheet. */
export function sampleSimulator(): ExcelSimulator {
  return new ExcelSimulator({
    sheets: [
      {
        name: 'Allocations',
        rows: [
          ['Name', 'Pool', 'Chips'],
          ['ana', 'trn2', 8],
          ['bo', 'h100', 4],
          ['cy', { error: '#REF!' }, true],
        ],
        fills: { C3: '#FFFF00', C4: '#FFFFFF' },
      },
      { name: 'Resolution log', rows: [['When', 'What']] },
      { name: 'State', visibility: 'VeryHidden' },
    ],
  });
}

/** The Office.js error code an action throws, or undefined when it does not throw. */
export function codeThrownBy(action: () => unknown): string | undefined {
  try {
    action();
  } catch (error) {
    return (error as { code?: string }).code ?? `not an Office error: ${String(error)}`;
  }
  return undefined;
}

/** The Office.js error code a promise rejects with, or undefined when it resolves. */
export async function codeRejectedBy(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (error) {
    return (error as { code?: string }).code ?? `not an Office error: ${String(error)}`;
  }
  return undefined;
}
