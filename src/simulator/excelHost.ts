import { formatRangeAddress } from '../core';
import { apiValue, valueType } from './cellContent';
import { recalculate } from './hostCells';
import { HostErrorCode } from './hostError';
import { RequestBody, ResponseBody, runRequest } from './hostRequest';
import { HostContext, HostObject, HostSettings, ValueChange } from './hostTypes';
import { WorkbookModel } from './workbookModel';

/** Round trips and payload sizes in bytes of the JSON on the wire: what an adapter's speed on Excel on the web depends on. */
export interface HostStats {
  /** Requests that reached the host, the library's clean-up requests included. */
  requests: number;
  requestBytes: number;
  responseBytes: number;
  largestRequestBytes: number;
  largestResponseBytes: number;
  /** Requests that changed the workbook: in Excel each is one step of the user's undo stack (Ctrl+Z). */
  changingRequests: number;
}

/** What the client library's HTTP executor hands its send function, and what it expects back. */
export interface HttpRequestInfo {
  readonly url: string;
  readonly body?: unknown;
}

export interface HttpResponseInfo {
  readonly statusCode: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

/** An onChanged message for the client library, which turns it into WorksheetChangedEventArgs. */
export type EventMessage = { readonly targetId: string; readonly message: Record<string, unknown> };

/** Office.js's request flag for `Excel.run({ delayForCellEdit: true })`, set only where the host reports the DelayForCellEdit capability. */
const DELAY_FOR_CELL_EDIT_FLAG = 64;

export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i += 1;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * The simulated Excel: answers the client library's requests from the workbook model, enforcing Excel
 * on the web's limits, cell-edit mode and protection, and sends change events afterwards.
 */
export class ExcelHost {
  readonly stats: HostStats = { requests: 0, requestBytes: 0, responseBytes: 0, largestRequestBytes: 0, largestResponseBytes: 0, changingRequests: 0 };
  readonly references = new Map<string, HostObject>();
  readonly changeRegistrations = new Map<string, number>();
  private nextReference = 1;
  private readonly nullValuesAnswers: string[] = [];
  private beforeHooks: Array<() => void> = [];
  private readonly requestHooks = new Map<number, Array<() => void>>();
  private cellEdit: { readonly finished: Promise<void>; readonly finish: () => void } | undefined;
  private inFlight = 0;
  private pendingEvents = 0;

  constructor(
    readonly model: WorkbookModel,
    readonly settings: HostSettings,
    private readonly emit: (messages: EventMessage[]) => void,
    private readonly latencyMs = 0,
  ) {}

  /** The send function the client library calls for each request. */
  async handle(request: HttpRequestInfo): Promise<HttpResponseInfo> {
    this.inFlight++;
    try {
      // Half the round trip each way: the host's own work is then a task of its own, as Excel's is off
      // the pane's thread, and not part of the task in which the add-in reads the answer.
      await delay(this.latencyMs / 2);
      const body = JSON.stringify(await this.answer(request));
      if (this.latencyMs > 0) await delay(this.latencyMs / 2);
      return { statusCode: 200, headers: {}, body };
    } finally {
      this.inFlight--;
    }
  }

  private async answer(request: HttpRequestInfo): Promise<ResponseBody> {
    const number = ++this.stats.requests;
    const bodyText = typeof request.body === 'string' ? request.body : JSON.stringify(request.body ?? {});
    const requestBytes = utf8Length(bodyText);
    this.stats.requestBytes += requestBytes;
    this.stats.largestRequestBytes = Math.max(this.stats.largestRequestBytes, requestBytes);
    if (this.cellEdit !== undefined) {
      const flags = Number(/[?&]flags=(\d+)/.exec(request.url)?.[1] ?? 0);
      if ((flags & DELAY_FOR_CELL_EDIT_FLAG) === 0) return this.failure('InvalidOperationInCellEditMode');
      while (this.cellEdit !== undefined) await this.cellEdit.finished;
    }
    for (const hook of [...this.beforeHooks.splice(0), ...(this.requestHooks.get(number) ?? [])]) hook();
    this.requestHooks.delete(number);
    // Excel on the web refuses the whole request before running any of it.
    if (requestBytes > this.settings.limits.payloadBytes) return this.failure('RequestPayloadSizeLimitExceeded');
    return this.execute(JSON.parse(bodyText) as RequestBody);
  }

  private execute(body: RequestBody): ResponseBody {
    const context = this.context();
    const referencesBefore = new Set(this.references.keys());
    this.model.begin();
    const response = runRequest(body, context, () => `{sim-reference-${this.nextReference++}}`, () => recalculate(this.model));
    const responseBytes = utf8Length(JSON.stringify(response));
    if (responseBytes > this.settings.limits.payloadBytes) {
      // An answer Excel cannot send undoes the request.
      this.model.rollback();
      for (const key of this.references.keys()) if (!referencesBefore.has(key)) this.references.delete(key);
      return this.failure('ResponsePayloadSizeLimitExceeded', responseBytes);
    }
    if (this.model.changedSinceBegin) this.stats.changingRequests += 1;
    this.model.commit();
    this.stats.responseBytes += responseBytes;
    this.stats.largestResponseBytes = Math.max(this.stats.largestResponseBytes, responseBytes);
    this.announce(context.changes, 'Local', 'ThisLocalAddin');
    return response;
  }

  private failure(code: HostErrorCode, responseBytes?: number): ResponseBody {
    const messages: Partial<Record<HostErrorCode, string>> = {
      InvalidOperationInCellEditMode: 'The operation is not available while Excel is in cell-edit mode.',
      RequestPayloadSizeLimitExceeded: 'The request payload size has exceeded the limit.',
      ResponsePayloadSizeLimitExceeded: `The response payload size has exceeded the limit${responseBytes === undefined ? '' : ` (${responseBytes} bytes)`}.`,
    };
    return { Results: [], TraceIds: [], Error: { Code: code, Message: messages[code] ?? code, HttpStatusCode: 400, ActionIndex: -1 } };
  }

  private context(changes: ValueChange[] = []): HostContext {
    return {
      model: this.model,
      settings: this.settings,
      changes,
      changeRegistrations: this.changeRegistrations,
      references: this.references,
      takeNullValuesAnswer: (address) => {
        const index = this.nullValuesAnswers.findIndex((wanted) => wanted.toLowerCase() === address.toLowerCase());
        return index >= 0 && this.nullValuesAnswers.splice(index, 1).length > 0;
      },
    };
  }

  /** Applies an edit made outside the add-in (the user, a co-author) and announces it. */
  applyEdit(edit: (context: HostContext) => void, source: 'Local' | 'Remote'): void {
    const context = this.context();
    edit(context);
    recalculate(this.model);
    this.announce(context.changes, source, 'Unknown');
  }

  answerValuesWithNull(address: string): void {
    this.nullValuesAnswers.push(address);
  }

  beforeNextRequest(hook: () => void): void {
    this.beforeHooks.push(hook);
  }

  onRequest(number: number, hook: () => void): void {
    this.requestHooks.set(number, [...(this.requestHooks.get(number) ?? []), hook]);
  }

  setCellEditMode(editing: boolean): void {
    if (editing && this.cellEdit === undefined) {
      let finish = (): void => undefined;
      const finished = new Promise<void>((resolve) => (finish = resolve));
      this.cellEdit = { finished, finish };
    } else if (!editing && this.cellEdit !== undefined) {
      this.cellEdit.finish();
      this.cellEdit = undefined;
    }
  }

  /** True while requests or event deliveries are under way. */
  get busy(): boolean {
    return this.inFlight > 0 || this.pendingEvents > 0;
  }

  /** Sends onChanged messages on a later task, as Excel does, to the registrations made by then. */
  private announce(changes: readonly ValueChange[], source: 'Local' | 'Remote', triggerSource: 'ThisLocalAddin' | 'Unknown'): void {
    if (changes.length === 0) return;
    this.pendingEvents++;
    setTimeout(() => {
      this.pendingEvents--;
      const messages: EventMessage[] = [];
      for (const change of changes) {
        const message = this.eventArgs(change, source, triggerSource);
        if ((this.changeRegistrations.get('Workbook') ?? 0) > 0) messages.push({ targetId: 'Workbook', message });
        if ((this.changeRegistrations.get(change.sheetId) ?? 0) > 0) messages.push({ targetId: change.sheetId, message });
      }
      if (messages.length > 0) this.emit(messages);
    }, 0);
  }

  private eventArgs(change: ValueChange, source: 'Local' | 'Remote', triggerSource: 'ThisLocalAddin' | 'Unknown'): Record<string, unknown> {
    const single = change.single;
    const referenceId = `{sim-event-${this.nextReference++}}`;
    this.references.set(referenceId, { type: 'Range', sheetId: change.sheetId, rect: change.rect });
    return {
      referenceId,
      worksheetId: change.sheetId,
      address: formatRangeAddress(change.rect),
      changeType: change.changeType,
      source,
      // Hosts below ExcelApi 1.14 do not say what caused a change.
      ...(this.settings.excelApiMinor >= 14 ? { triggerSource } : {}),
      ...(single === undefined
        ? {}
        : { valueBefore: apiValue(single.before), valueAfter: apiValue(single.after), valueTypeBefore: valueType(single.before), valueTypeAfter: valueType(single.after) }),
    };
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
