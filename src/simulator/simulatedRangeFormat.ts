import { normalizeColorOrUndefined } from './normalizeColor';
import { CellRange } from '../core';
import { ProxyOrigin, ScalarReader, SimulatedClientObject } from './simulatedClientObject';
import { SimulatedOfficeError } from './simulatedOfficeError';
import type { SimulatedRequestContext, SyncSession } from './simulatedRequestContext';
import { CellFill, SheetModel, WorkbookModel } from './workbookModel';

/** The cells a format applies to: one rectangle for a Range, several for RangeAreas. */
export interface CellTargets {
  readonly sheet: SheetModel;
  readonly rects: readonly CellRange[];
}

export type TargetsResolver = (session: SyncSession) => CellTargets;

/** What Excel reports for the fill of some cells; null where the cells differ. */
export interface FillSummary {
  /** "No Fill" reads as '#FFFFFF', exactly like a white fill (office-js issue #6218). */
  readonly color: string | null;
  readonly pattern: 'None' | 'Solid' | null;
  /** null for "No Fill", a number for a fill (Microsoft's answer in office-js issue #4900). */
  readonly tintAndShade: number | null;
}

export const NO_FILL_COLOR = '#FFFFFF';

/** The fill one cell reports, in `format.fill` and in `getCellProperties`. */
export function cellFillSummary(fill: CellFill | null): FillSummary {
  return fill === null ? { color: NO_FILL_COLOR, pattern: 'None', tintAndShade: null } : { color: fill.color, pattern: fill.pattern, tintAndShade: 0 };
}

/** The fill a range reports: uniform values, or null for a property whose cells differ. */
export function fillSummary(model: WorkbookModel, targets: CellTargets): FillSummary {
  let cellCount = 0;
  let filledCount = 0;
  const colors = new Set<string>();
  for (const rect of targets.rects) {
    cellCount += rect.rowCount * rect.columnCount;
    model.forEachStoredCell(targets.sheet, rect, (cell) => {
      if (cell.fill === null) return;
      filledCount += 1;
      colors.add(cell.fill.color);
    });
  }
  if (filledCount < cellCount) colors.add(NO_FILL_COLOR);
  const allFilled = filledCount === cellCount;
  return {
    color: colors.size === 1 ? [...colors][0] : null,
    pattern: allFilled ? 'Solid' : filledCount === 0 ? 'None' : null,
    tintAndShade: allFilled ? 0 : null,
  };
}

/** Sets (or with null, removes) the fill of every cell in the targets. */
export function paintCells(model: WorkbookModel, targets: CellTargets, fill: CellFill | null): void {
  for (const rect of targets.rects) {
    if (fill === null) {
      // Only stored cells can have a fill; visiting the rest would cost a whole column's worth of lookups.
      const filled: Array<[number, number]> = [];
      model.forEachStoredCell(targets.sheet, rect, (cell, row, column) => {
        if (cell.fill !== null) filled.push([row, column]);
      });
      for (const [row, column] of filled) model.putCell(targets.sheet, row, column, { ...model.cellAt(targets.sheet, row, column), fill: null });
      continue;
    }
    for (let row = rect.row; row < rect.row + rect.rowCount; row++) {
      for (let column = rect.column; column < rect.column + rect.columnCount; column++) {
        model.putCell(targets.sheet, row, column, { ...model.cellAt(targets.sheet, row, column), fill });
      }
    }
  }
}

/** A fill for a color written through the API; null and malformed colors are InvalidArgument at sync. */
export function fillFromApiColor(color: unknown, location: string): CellFill | null {
  // learn.microsoft.com "Blank and null values": '' resets a property, null is not a valid value.
  if (color === '') return null;
  const normalized = normalizeColorOrUndefined(color);
  if (normalized === undefined) throw SimulatedOfficeError.invalidArgument('color', location);
  return { color: normalized, pattern: 'Solid' };
}

/** `Excel.RangeFormat`: only `fill` is modelled. */
export class SimulatedRangeFormat extends SimulatedClientObject {
  private readonly targets: TargetsResolver;
  private fillProxy: SimulatedRangeFill | undefined;

  constructor(context: SimulatedRequestContext, targets: TargetsResolver, origin: ProxyOrigin) {
    super(context, 'RangeFormat', origin);
    this.targets = targets;
  }

  protected scalarReaders(): Readonly<Record<string, ScalarReader>> {
    return {};
  }

  protected override navigationProperty(name: string): SimulatedClientObject | undefined {
    return name === 'fill' ? this.fill : undefined;
  }

  get fill(): SimulatedRangeFill {
    this.assertUsable();
    this.fillProxy ??= new SimulatedRangeFill(this.context, this.targets, { parentPathId: this.pathId, name: 'Fill' });
    return this.fillProxy;
  }
}

/** `Excel.RangeFill`: color (read/write), pattern and tintAndShade (read), clear(). */
export class SimulatedRangeFill extends SimulatedClientObject {
  private readonly targets: TargetsResolver;

  constructor(context: SimulatedRequestContext, targets: TargetsResolver, origin: ProxyOrigin) {
    super(context, 'RangeFill', origin);
    this.targets = targets;
  }

  protected scalarReaders(): Readonly<Record<string, ScalarReader>> {
    const summary = (session: SyncSession): FillSummary => fillSummary(session.model, this.targets(session));
    return {
      color: (session) => summary(session).color,
      pattern: (session) => summary(session).pattern,
      tintAndShade: (session) => summary(session).tintAndShade,
    };
  }

  get color(): string {
    return this.loadedValue('color');
  }

  set color(color: string) {
    this.queueSet('color', color, (session) => paintCells(session.model, this.targets(session), fillFromApiColor(color, 'RangeFill.color')));
  }

  get pattern(): string | null {
    return this.loadedValue('pattern');
  }

  get tintAndShade(): number | null {
    return this.loadedValue('tintAndShade');
  }

  /** Back to "No Fill"; unlike painting white, this keeps the gridlines (office-js issue #2349). */
  clear(): void {
    this.queueMethod('Clear', [], (session) => paintCells(session.model, this.targets(session), null));
  }
}
