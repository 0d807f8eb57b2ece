import { SimulatedClientObject, SimulatedClientResult } from './simulatedClientObject';
import { SIMULATED_ERROR_CODES, SimulatedOfficeError } from './simulatedOfficeError';
import { SimulatedRequestContext, SimulatorHost } from './simulatedRequestContext';

/** The `Excel.run` options the simulator honours; `mergeUndoGroup` is accepted and ignored. */
export interface SimulatedRunOptions {
  readonly delayForCellEdit?: boolean;
  readonly mergeUndoGroup?: boolean;
  readonly previousObjects?: SimulatedClientObject | SimulatedClientObject[] | SimulatedRequestContext;
  readonly session?: unknown;
}

export type Batch<T> = (context: SimulatedRequestContext) => Promise<T>;

/** What `install` puts on the global object as `Excel`. */
export interface SimulatedExcelNamespace {
  run<T>(batch: Batch<T>): Promise<T>;
  run<T>(
    optionsOrObjects: SimulatedRunOptions | SimulatedClientObject | SimulatedClientObject[] | SimulatedRequestContext,
    batch: Batch<T>,
  ): Promise<T>;
  readonly RequestContext: new () => SimulatedRequestContext;
  readonly ErrorCodes: typeof SIMULATED_ERROR_CODES;
  readonly EventSource: { readonly local: 'Local'; readonly remote: 'Remote' };
  readonly EventTriggerSource: { readonly unknown: 'Unknown'; readonly thisLocalAddin: 'ThisLocalAddin' };
  readonly EventType: { readonly worksheetChanged: 'WorksheetChanged' };
  readonly DataChangeType: Readonly<Record<string, string>>;
  readonly SheetVisibility: { readonly visible: 'Visible'; readonly hidden: 'Hidden'; readonly veryHidden: 'VeryHidden' };
  readonly RangeValueType: Readonly<Record<string, string>>;
  readonly ClearApplyTo: Readonly<Record<string, string>>;
  readonly FillPattern: { readonly none: 'None'; readonly solid: 'Solid' };
}

/** What `install` puts on the global object as `OfficeExtension`. */
export interface SimulatedOfficeExtensionNamespace {
  readonly Error: typeof SimulatedOfficeError;
  readonly ErrorCodes: typeof SIMULATED_ERROR_CODES;
  readonly ClientObject: typeof SimulatedClientObject;
  readonly ClientResult: typeof SimulatedClientResult;
  readonly ClientRequestContext: typeof SimulatedRequestContext;
}

/** The host plus the run counter `Excel.run` bumps. */
export interface RunHost extends SimulatorHost {
  countRun(): void;
}

function contextOf(first: unknown, host: RunHost): SimulatedRequestContext {
  if (first instanceof SimulatedRequestContext) return first;
  if (first instanceof SimulatedClientObject) return first.context;
  if (Array.isArray(first)) {
    // Office.js's _runBatch: an array must be non-empty, all client objects, all from one context.
    if (first.length === 0 || !first.every((item) => item instanceof SimulatedClientObject)) throw SimulatedOfficeError.invalidArgument('objects', 'Excel.run');
    const context = (first[0] as SimulatedClientObject).context;
    if (first.some((item: SimulatedClientObject) => item.context !== context)) throw SimulatedOfficeError.of('InvalidRequestContext', 'Excel.run');
    return context;
  }
  if (typeof first !== 'object' || first === null) throw SimulatedOfficeError.invalidArgument('options', 'Excel.run');
  const options = first as SimulatedRunOptions;
  if (options.session !== undefined) throw SimulatedOfficeError.notSimulated('Excel.run({ session })');
  if (options.previousObjects !== undefined) return contextOf(options.previousObjects, host);
  return new SimulatedRequestContext(host, { delayForCellEdit: options.delayForCellEdit });
}

/** `Excel.run` and the enums an adapter reads. */
export function createExcelNamespace(host: RunHost): SimulatedExcelNamespace {
  async function run<T>(...args: unknown[]): Promise<T> {
    if (args.length < 1 || args.length > 2) throw SimulatedOfficeError.invalidArgument('batch', 'Excel.run');
    const batch = args[args.length - 1];
    if (typeof batch !== 'function') throw SimulatedOfficeError.invalidArgument('batch', 'Excel.run');
    const context = args.length === 1 ? new SimulatedRequestContext(host) : contextOf(args[0], host);
    host.countRun();
    try {
      const pending: unknown = (batch as Batch<T>)(context);
      if (typeof (pending as Promise<T> | undefined)?.then !== 'function') throw SimulatedOfficeError.of('RunMustReturnPromise', 'Excel.run');
      const result = await (pending as Promise<T>);
      // Office.js always ends a run with a sync, so writes queued after the last explicit sync still apply.
      return await context.sync(result);
    } finally {
      context.endRun();
    }
  }

  /** `new Excel.RequestContext()` works too, bound to this simulator. */
  class RequestContext extends SimulatedRequestContext {
    constructor() {
      super(host);
    }
  }

  return {
    run: run as SimulatedExcelNamespace['run'],
    RequestContext,
    ErrorCodes: SIMULATED_ERROR_CODES,
    EventSource: { local: 'Local', remote: 'Remote' },
    EventTriggerSource: { unknown: 'Unknown', thisLocalAddin: 'ThisLocalAddin' },
    EventType: { worksheetChanged: 'WorksheetChanged' },
    DataChangeType: {
      unknown: 'Unknown',
      rangeEdited: 'RangeEdited',
      rowInserted: 'RowInserted',
      rowDeleted: 'RowDeleted',
      columnInserted: 'ColumnInserted',
      columnDeleted: 'ColumnDeleted',
      cellInserted: 'CellInserted',
      cellDeleted: 'CellDeleted',
    },
    SheetVisibility: { visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' },
    RangeValueType: { unknown: 'Unknown', empty: 'Empty', string: 'String', integer: 'Integer', double: 'Double', boolean: 'Boolean', error: 'Error', richValue: 'RichValue' },
    ClearApplyTo: { all: 'All', formats: 'Formats', contents: 'Contents', hyperlinks: 'Hyperlinks', removeHyperlinks: 'RemoveHyperlinks', resetContents: 'ResetContents' },
    FillPattern: { none: 'None', solid: 'Solid' },
  };
}

export function createOfficeExtensionNamespace(): SimulatedOfficeExtensionNamespace {
  return {
    Error: SimulatedOfficeError,
    ErrorCodes: SIMULATED_ERROR_CODES,
    ClientObject: SimulatedClientObject,
    ClientResult: SimulatedClientResult,
    ClientRequestContext: SimulatedRequestContext,
  };
}
