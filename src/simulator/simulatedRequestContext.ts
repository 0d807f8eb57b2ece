import { CellRange } from '../core';
import { SimulatedClientObject } from './simulatedClientObject';
import { SimulatedOfficeError } from './simulatedOfficeError';
import { SimulatedWorkbook } from './simulatedWorkbook';
import { StoredCell, WorkbookModel } from './workbookModel';
import type { SimulatedWorksheetChangedEventArgs } from './worksheetChangedEventArgs';

/** Limits Excel on the web enforces (learn.microsoft.com, "Resource limits and performance optimization"). */
export interface SimulatorLimits {
  /** Request and response payload size in bytes of JSON; "5MB" read strictly as 5,000,000. */
  readonly payloadBytes: number;
  /** Cells one read may cover ("a range is limited to five million cells for get operations"). */
  readonly cellsPerRead: number;
  /** Characters in a `getRange`/`getRanges` address (typings of Worksheet.getRange: 8192). */
  readonly addressChars: number;
}

export const DEFAULT_LIMITS: SimulatorLimits = { payloadBytes: 5_000_000, cellsPerRead: 5_000_000, addressChars: 8192 };

/** A value edit a sync applied, reported to onChanged handlers afterwards. */
export interface ValueChange {
  readonly sheetId: string;
  readonly rect: CellRange;
  /** Before and after, for single-cell edits only (WorksheetChangedEventArgs.details). */
  readonly single?: { readonly before: StoredCell; readonly after: StoredCell };
}

/** What queued actions see while a sync runs. */
export interface SyncSession {
  readonly model: WorkbookModel;
  readonly limits: SimulatorLimits;
  readonly changes: ValueChange[];
}

/** One queued call: what goes over the wire, what it does at sync, and what its response does to the proxy. */
export interface QueuedAction {
  readonly request: Readonly<Record<string, unknown>>;
  readonly execute: (session: SyncSession) => unknown;
  /** Runs only when the whole batch succeeded. */
  readonly deliver?: (result: unknown) => void;
}

/** Which sheets an onChanged registration listens to: one sheet, or all (WorksheetCollection.onChanged). */
export type ChangeScope = { readonly sheetId: string } | 'allSheets';

/** An onChanged handler; Office.js expects a promise back but ignores what it resolves to. */
export type ChangeHandler = (args: SimulatedWorksheetChangedEventArgs) => unknown;

/** What proxies need from the simulator. */
export interface SimulatorHost {
  readonly limits: SimulatorLimits;
  processSync(context: SimulatedRequestContext, actions: QueuedAction[]): Promise<void>;
  addChangeHandler(context: SimulatedRequestContext, scope: ChangeScope, handler: ChangeHandler): void;
  removeChangeHandler(context: SimulatedRequestContext, scope: ChangeScope, handler: ChangeHandler | undefined): void;
}

/** `Excel.RequestContext`: the queue of actions, `sync()`, `load()` and `trackedObjects`. */
export class SimulatedRequestContext {
  readonly host: SimulatorHost;
  readonly delayForCellEdit: boolean;
  /** Bumped when an `Excel.run` on this context ends; untracked objects from earlier epochs are invalid. */
  epoch = 0;
  private pending: QueuedAction[] = [];
  private lastPathId = 0;
  private workbookProxy: SimulatedWorkbook | undefined;

  readonly trackedObjects = {
    add: (objects: SimulatedClientObject | SimulatedClientObject[]): void => {
      for (const object of ([] as SimulatedClientObject[]).concat(objects)) {
        this.assertOwn(object);
        object.assertUsable();
        object.setTracked(true);
      }
    },
    remove: (objects: SimulatedClientObject | SimulatedClientObject[]): void => {
      for (const object of ([] as SimulatedClientObject[]).concat(objects)) {
        this.assertOwn(object);
        object.setTracked(false);
      }
    },
  };

  constructor(host: SimulatorHost, options: { delayForCellEdit?: boolean } = {}) {
    this.host = host;
    this.delayForCellEdit = options.delayForCellEdit === true;
  }

  get workbook(): SimulatedWorkbook {
    this.workbookProxy ??= new SimulatedWorkbook(this);
    return this.workbookProxy;
  }

  nextPathId(): number {
    return ++this.lastPathId;
  }

  enqueue(action: QueuedAction): void {
    this.pending.push(action);
  }

  /** Number of actions waiting for the next sync. */
  get pendingCount(): number {
    return this.pending.length;
  }

  load<T extends SimulatedClientObject>(object: T, option?: unknown): T {
    this.assertOwn(object);
    return object.load(option);
  }

  /** Sends the queued actions. Office.js makes no round trip when nothing is queued. */
  async sync<T>(passThroughValue?: T): Promise<T> {
    const actions = this.pending;
    this.pending = [];
    if (actions.length > 0) await this.host.processSync(this, actions);
    return passThroughValue as T;
  }

  /** Called by `Excel.run` when its batch is over: auto-tracked objects become invalid, unsent actions are dropped. */
  endRun(): void {
    this.epoch += 1;
    this.pending = [];
  }

  private assertOwn(object: SimulatedClientObject): void {
    if (object.context !== this) throw SimulatedOfficeError.of('InvalidRequestContext');
  }
}
