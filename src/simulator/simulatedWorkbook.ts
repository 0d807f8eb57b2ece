import { CellRange } from '../core';
import { ScalarReader, SimulatedClientObject } from './simulatedClientObject';
import { SimulatedOfficeError } from './simulatedOfficeError';
import { SimulatedRange } from './simulatedRange';
import { SimulatedRangeAreas } from './simulatedRangeAreas';
import type { SimulatedRequestContext, SyncSession } from './simulatedRequestContext';
import { SimulatedWorksheetCollection } from './simulatedWorksheetCollection';
import { SheetModel } from './workbookModel';

/** `Excel.Workbook`, the root object: it has no instantiate action of its own. */
export class SimulatedWorkbook extends SimulatedClientObject {
  private worksheetsProxy: SimulatedWorksheetCollection | undefined;

  constructor(context: SimulatedRequestContext) {
    super(context, 'Workbook', undefined);
    // The root object and its worksheets collection are never auto-tracked, so they outlive each run.
    this.setTracked(true);
  }

  protected scalarReaders(): Readonly<Record<string, ScalarReader>> {
    return {};
  }

  protected override navigationProperty(name: string): SimulatedClientObject | undefined {
    return name === 'worksheets' ? this.worksheets : undefined;
  }

  get worksheets(): SimulatedWorksheetCollection {
    if (this.worksheetsProxy === undefined) {
      this.worksheetsProxy = new SimulatedWorksheetCollection(this.context, { parentPathId: this.pathId, name: 'Worksheets' });
      this.worksheetsProxy.setTracked(true);
    }
    return this.worksheetsProxy;
  }

  /** The selected range; InvalidSelection at sync when several areas are selected (typings of getSelectedRange). */
  getSelectedRange(): SimulatedRange {
    this.assertUsable();
    return new SimulatedRange(
      this.context,
      (session) => {
        const { sheet, rects } = selectionOf(session);
        if (rects.length !== 1) throw SimulatedOfficeError.of('InvalidSelection', 'Workbook.getSelectedRange');
        return { sheet, rect: rects[0] };
      },
      { parentPathId: this.pathId, name: 'GetSelectedRange' },
    );
  }

  /** All selected areas (ExcelApi 1.9). */
  getSelectedRanges(): SimulatedRangeAreas {
    this.assertUsable();
    return new SimulatedRangeAreas(this.context, (session) => selectionOf(session), { parentPathId: this.pathId, name: 'GetSelectedRanges' });
  }

  /** The top-left cell of the selection (ExcelApi 1.7). */
  getActiveCell(): SimulatedRange {
    this.assertUsable();
    return new SimulatedRange(
      this.context,
      (session) => {
        const { sheet, rects } = selectionOf(session);
        return { sheet, rect: { row: rects[0].row, column: rects[0].column, rowCount: 1, columnCount: 1 } };
      },
      { parentPathId: this.pathId, name: 'GetActiveCell' },
    );
  }
}

function selectionOf(session: SyncSession): { sheet: SheetModel; rects: readonly CellRange[] } {
  const selection = session.model.currentSelection();
  const sheet = session.model.sheetById(selection.sheetId);
  if (sheet === undefined) throw SimulatedOfficeError.of('ItemNotFound', 'Workbook.selection');
  return { sheet, rects: selection.rects };
}
