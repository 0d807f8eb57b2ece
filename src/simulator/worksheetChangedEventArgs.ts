import { apiValue, valueType } from './cellContent';
import { formatRangeAddress } from '../core';
import { SimulatedRange } from './simulatedRange';
import type { SimulatedRequestContext, ValueChange } from './simulatedRequestContext';
import { ScalarValue } from './workbookModel';

/** `Excel.WorksheetChangedEventArgs` as the simulator fills it. */
export interface SimulatedWorksheetChangedEventArgs {
  readonly type: 'WorksheetChanged';
  readonly worksheetId: string;
  /** Without the sheet name, as Excel reports it ("B3", "A1:C4"). */
  readonly address: string;
  readonly changeType: 'RangeEdited';
  readonly source: 'Local' | 'Remote';
  readonly triggerSource: 'ThisLocalAddin' | 'Unknown';
  /** Only for single-cell changes (ExcelApi 1.9). */
  readonly details?: {
    readonly valueBefore: ScalarValue | '';
    readonly valueAfter: ScalarValue | '';
    readonly valueTypeBefore: string;
    readonly valueTypeAfter: string;
  };
  getRange(context: SimulatedRequestContext): SimulatedRange;
  getRangeOrNullObject(context: SimulatedRequestContext): SimulatedRange;
}

export function worksheetChangedEventArgs(
  change: ValueChange,
  source: 'Local' | 'Remote',
  triggerSource: 'ThisLocalAddin' | 'Unknown',
): SimulatedWorksheetChangedEventArgs {
  const address = formatRangeAddress(change.rect);
  const single = change.single;
  return {
    type: 'WorksheetChanged',
    worksheetId: change.sheetId,
    address,
    changeType: 'RangeEdited',
    source,
    triggerSource,
    ...(single === undefined
      ? {}
      : {
          details: {
            valueBefore: apiValue(single.before),
            valueAfter: apiValue(single.after),
            valueTypeBefore: valueType(single.before),
            valueTypeAfter: valueType(single.after),
          },
        }),
    getRange: (context) => context.workbook.worksheets.getItem(change.sheetId).getRange(address),
    getRangeOrNullObject: (context) =>
      new SimulatedRange(
        context,
        (session) => {
          const sheet = session.model.sheetById(change.sheetId);
          return sheet === undefined ? null : { sheet, rect: change.rect };
        },
        { parentPathId: context.workbook.pathId, name: 'GetRangeOrNullObject', args: [change.sheetId, address] },
      ),
  };
}
