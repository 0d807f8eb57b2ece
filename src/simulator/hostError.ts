/**
 * Error codes the simulated Excel host answers with, as Excel names them (Excel.ErrorCodes and the table
 * in office-js-docs-pr `docs/excel/excel-add-ins-error-codes.md`). The client library turns the answer's
 * `Error` into the `OfficeExtension.Error` the adapter catches.
 */
export type HostErrorCode =
  | 'AccessDenied'
  | 'ApiNotFound'
  | 'GeneralException'
  | 'InvalidArgument'
  | 'InvalidOperation'
  | 'InvalidOperationInCellEditMode'
  | 'InvalidReference'
  | 'InvalidSelection'
  | 'ItemAlreadyExists'
  | 'ItemNotFound'
  | 'RangeExceedsLimit'
  | 'RequestPayloadSizeLimitExceeded'
  | 'ResponsePayloadSizeLimitExceeded';

const PAYLOAD_HINT = 'See https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins';

// Our own wording of what each code means; the codes are what an add-in branches on.
const MESSAGES: Record<HostErrorCode, string> = {
  AccessDenied: 'The operation is not allowed: the cell or object is on a protected sheet.',
  ApiNotFound: 'The API you are trying to use could not be found.',
  GeneralException: 'There was an internal error while processing the request.',
  InvalidArgument: 'The argument is invalid or missing or has an incorrect format.',
  InvalidOperation: 'The operation attempted is invalid on the object.',
  InvalidOperationInCellEditMode: 'The operation is not available while Excel is in cell-edit mode. Press Enter or Esc to leave it, then try again.',
  InvalidReference: 'This reference is not valid for the current operation.',
  InvalidSelection: 'The current selection is invalid for this operation.',
  ItemAlreadyExists: 'The resource being created already exists.',
  ItemNotFound: 'The requested resource does not exist.',
  RangeExceedsLimit: `The cell count in the range has exceeded the maximum supported number. ${PAYLOAD_HINT}`,
  RequestPayloadSizeLimitExceeded: `The request payload size has exceeded the limit. ${PAYLOAD_HINT}`,
  ResponsePayloadSizeLimitExceeded: `The response payload size has exceeded the limit. ${PAYLOAD_HINT}`,
};

const HTTP_STATUS: Partial<Record<HostErrorCode, number>> = {
  AccessDenied: 403,
  ApiNotFound: 404,
  InvalidArgument: 400,
  InvalidOperationInCellEditMode: 400,
  InvalidReference: 400,
  ItemNotFound: 404,
  ItemAlreadyExists: 409,
  RequestPayloadSizeLimitExceeded: 413,
  ResponsePayloadSizeLimitExceeded: 413,
};

/** A failure of one action, answered as `{ Error: { Code, Message, Location, HttpStatusCode, ActionIndex } }`. */
export class HostError extends Error {
  readonly code: HostErrorCode;
  readonly location: string | undefined;

  constructor(code: HostErrorCode, message: string = MESSAGES[code], location?: string) {
    super(message);
    Object.setPrototypeOf(this, new.target.prototype);
    this.name = 'HostError';
    this.code = code;
    this.location = location;
  }

  get httpStatusCode(): number {
    return HTTP_STATUS[this.code] ?? 500;
  }

  static of(code: HostErrorCode, location?: string): HostError {
    return new HostError(code, MESSAGES[code], location);
  }

  static invalidArgument(argument: string, location?: string): HostError {
    return new HostError('InvalidArgument', `The argument '${argument}' is invalid or missing or has an incorrect format.`, location);
  }

  /** A member Excel has that this host does not implement, or one above the host's ExcelApi version: fail loudly with its name. */
  static apiNotFound(member: string, why: string): HostError {
    return new HostError('ApiNotFound', `${member}: ${why}.`, member);
  }
}
