/**
 * Error codes the simulator raises. Names are Office.js's own (OfficeExtension.ErrorCodes, Excel.ErrorCodes
 * and the Excel error-code table in office-js-docs-pr `docs/excel/excel-add-ins-error-codes.md`), except
 * 'NotImplemented', which here also means "real Excel has it, the simulator does not".
 */
export type SimulatedErrorCode =
  | 'GeneralException'
  | 'InvalidArgument'
  | 'InvalidObjectPath'
  | 'InvalidOperation'
  | 'InvalidOperationInCellEditMode'
  | 'InvalidRequestContext'
  | 'InvalidSelection'
  | 'ItemAlreadyExists'
  | 'ItemNotFound'
  | 'NotImplemented'
  | 'PropertyNotLoaded'
  | 'RangeExceedsLimit'
  | 'RequestPayloadSizeLimitExceeded'
  | 'ResponsePayloadSizeLimitExceeded'
  | 'RunMustReturnPromise'
  | 'ValueNotLoaded';

export interface SimulatedErrorDebugInfo {
  readonly code: string;
  readonly message: string;
  readonly errorLocation?: string;
}

// Wording from the Office.js runtime's resource strings and the Excel error-code table.
const PAYLOAD_HINT = 'See https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins';
const MESSAGES: Record<SimulatedErrorCode, string> = {
  GeneralException: 'There was an internal error while processing the request.',
  InvalidArgument: "The argument is invalid or missing or has an incorrect format.",
  InvalidObjectPath:
    "The object path isn't working for what you're trying to do. If you're using the object across multiple \"context.sync\" calls and outside the sequential execution of a \".run\" batch, please use the \"context.trackedObjects.add()\" and \"context.trackedObjects.remove()\" methods to manage the object's lifetime.",
  InvalidOperation: 'The operation attempted is invalid on the object.',
  InvalidOperationInCellEditMode:
    'The operation isn’t available while Excel is in Edit cell mode. Exit Edit mode by using the Enter or Tab keys, or by clicking another cell, and then try again.',
  InvalidRequestContext: 'Cannot use the object across different request contexts.',
  InvalidSelection: 'The current selection is invalid for this operation.',
  ItemAlreadyExists: 'The resource being created already exists.',
  ItemNotFound: "The requested resource doesn't exist.",
  NotImplemented: 'The requested feature isn’t implemented.',
  PropertyNotLoaded:
    'The property is not available. Before reading the property\'s value, call the load method on the containing object and call "context.sync()" on the associated request context.',
  RangeExceedsLimit: `The cell count in the range has exceeded the maximum supported number. ${PAYLOAD_HINT}`,
  RequestPayloadSizeLimitExceeded: `The request payload size has exceeded the limit. ${PAYLOAD_HINT}`,
  ResponsePayloadSizeLimitExceeded: `The response payload size has exceeded the limit. ${PAYLOAD_HINT}`,
  RunMustReturnPromise:
    'The batch function passed to the ".run" method didn\'t return a promise. The function must return a promise, so that any automatically-tracked objects can be released at the completion of the batch operation. Typically, you return a promise by returning the response from "context.sync()".',
  ValueNotLoaded:
    'The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" on the associated request context.',
};

const HTTP_STATUS: Partial<Record<SimulatedErrorCode, number>> = {
  InvalidArgument: 400,
  InvalidObjectPath: 400,
  InvalidRequestContext: 400,
  PropertyNotLoaded: 400,
  ValueNotLoaded: 400,
  ItemNotFound: 404,
};

/**
 * Shaped like the error Office.js rejects with (its `_Internal.RuntimeError`, exported as
 * `OfficeExtension.Error`): name "RichApi.Error", a `code`, `debugInfo.errorLocation` such as "Range.values".
 */
export class SimulatedOfficeError extends Error {
  readonly code: SimulatedErrorCode;
  readonly traceMessages: string[] = [];
  readonly innerError: null = null;
  readonly debugInfo: SimulatedErrorDebugInfo;
  readonly httpStatusCode: number;

  constructor(code: SimulatedErrorCode, message: string = MESSAGES[code], errorLocation?: string) {
    super(message);
    // Keeps `instanceof` working when TypeScript compiles classes extending Error to ES5.
    Object.setPrototypeOf(this, new.target.prototype);
    this.name = 'RichApi.Error';
    this.code = code;
    this.debugInfo = errorLocation === undefined ? { code, message } : { code, message, errorLocation };
    this.httpStatusCode = HTTP_STATUS[code] ?? 500;
  }

  override toString(): string {
    return `${this.code}: ${this.message}`;
  }

  static of(code: SimulatedErrorCode, errorLocation?: string): SimulatedOfficeError {
    return new SimulatedOfficeError(code, MESSAGES[code], errorLocation);
  }

  /** Reading a property that no sync has loaded (Office.js checks this on the client, synchronously). */
  static propertyNotLoaded(entity: string, property: string): SimulatedOfficeError {
    const message = `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`;
    return new SimulatedOfficeError('PropertyNotLoaded', message, `${entity}.${property}`);
  }

  static invalidArgument(argument: string, errorLocation?: string): SimulatedOfficeError {
    const message = `The argument '${argument}' doesn't work for this situation, is missing, or isn't in the right format.`;
    return new SimulatedOfficeError('InvalidArgument', message, errorLocation);
  }

  /** Something real Excel supports that this simulator leaves out: fail loudly rather than pretend. */
  static notSimulated(what: string): SimulatedOfficeError {
    return new SimulatedOfficeError('NotImplemented', `The Excel simulator does not model ${what}.`, what);
  }
}

/** The code strings as `OfficeExtension.ErrorCodes` and `Excel.ErrorCodes` expose them. */
export const SIMULATED_ERROR_CODES = {
  accessDenied: 'AccessDenied',
  generalException: 'GeneralException',
  invalidArgument: 'InvalidArgument',
  invalidObjectPath: 'InvalidObjectPath',
  invalidOperation: 'InvalidOperation',
  invalidOperationInCellEditMode: 'InvalidOperationInCellEditMode',
  invalidRequestContext: 'InvalidRequestContext',
  invalidSelection: 'InvalidSelection',
  itemAlreadyExists: 'ItemAlreadyExists',
  itemNotFound: 'ItemNotFound',
  notImplemented: 'NotImplemented',
  propertyNotLoaded: 'PropertyNotLoaded',
  rangeExceedsLimit: 'RangeExceedsLimit',
  requestPayloadSizeLimitExceeded: 'RequestPayloadSizeLimitExceeded',
  responsePayloadSizeLimitExceeded: 'ResponsePayloadSizeLimitExceeded',
  runMustReturnPromise: 'RunMustReturnPromise',
  valueNotLoaded: 'ValueNotLoaded',
} as const;
