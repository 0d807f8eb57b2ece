import { EventMessage, ExcelHost, HttpRequestInfo, HttpResponseInfo } from './excelHost';

/** The part of Microsoft's client library (`OfficeExtension`) the simulator wires its host into. */
interface OfficeExtensionLibrary {
  readonly ClientRequestContext: { defaultRequestUrlAndHeaders?: unknown };
  readonly HttpUtility: { setCustomSendRequestFunc(send: ((request: HttpRequestInfo) => Promise<HttpResponseInfo>) | null): void };
  _testSetRichApiMessageReadyImpl(impl: () => Promise<void>): void;
  _testTriggerRichApiMessageEvent(message: { entries: unknown[] }): void;
}

/** The client library's globals in one realm: the page's window, or the Jest test's global object. */
export interface OfficeJsRealm {
  Excel?: { run: (...args: unknown[]) => Promise<unknown> };
  OfficeExtension?: OfficeExtensionLibrary;
  Office?: { readonly context?: unknown };
  /** The library's internals; `_OfficeAppFactory` is what office.js's loader sets up when it meets the host. */
  OSF?: { _OfficeAppFactory?: unknown };
}

const NOT_LOADED =
  "ExcelSimulator: Microsoft's Office.js client library (@microsoft/office-js, dist/excel-web-16.00.debug.js) is not loaded here. " +
  'Jest tests of the adapter run in test/officeJs/officeJsEnvironment.js; Node scripts call loadOfficeJs() from src/simulator/loadOfficeJs.ts; ' +
  'the workbench page loads it with a script tag before its bundle.';

/** Constants of the library's event plumbing (OfficeExtension.Constants): the message category and WorksheetCollection.onChanged's event type. */
const EVENT_MESSAGE_CATEGORY = 65536;
const WORKSHEET_CHANGED_EVENT = 10;

const ROUTES = Symbol.for('capacity-checker.excel-simulator.routes');
type Routes = Map<string, ExcelHost>;

/** The library's globals in `target`, or a clear error when it was not loaded there. */
export function officeJsIn(target: object): Required<Pick<OfficeJsRealm, 'Excel' | 'OfficeExtension'>> & OfficeJsRealm {
  const realm = target as OfficeJsRealm;
  if (realm.OfficeExtension?.HttpUtility === undefined || realm.Excel?.run === undefined) throw new Error(NOT_LOADED);
  return realm as Required<Pick<OfficeJsRealm, 'Excel' | 'OfficeExtension'>> & OfficeJsRealm;
}

/**
 * Routes the library's HTTP requests for `url` to `host`. The library's HTTP executor is what Office.js
 * uses for a workbook behind a URL: each request's body (ObjectPaths and Actions) goes to the one send
 * function of the realm, which hands it to the host registered for its URL. Returns the unregistration.
 */
export function routeRequests(target: object, url: string, host: ExcelHost): () => void {
  const realm = officeJsIn(target);
  const holder = target as { [ROUTES]?: Routes };
  if (holder[ROUTES] === undefined) {
    const routes: Routes = new Map();
    holder[ROUTES] = routes;
    realm.OfficeExtension.HttpUtility.setCustomSendRequestFunc((request) => {
      const route = [...routes.entries()].find(([prefix]) => request.url.startsWith(`${prefix}/`));
      if (route === undefined) return Promise.reject(new Error(`No simulated Excel workbook answers ${request.url}: it was closed.`));
      return route[1].handle(request);
    });
    // Event registrations wait for this before their first sync; the host is ready at once.
    realm.OfficeExtension._testSetRichApiMessageReadyImpl(() => Promise.resolve());
  }
  holder[ROUTES].set(url, host);
  return () => holder[ROUTES]?.delete(url);
}

/** Hands the host's change messages to the library, which calls the registered onChanged handlers. */
export function deliverEvents(target: object, messages: readonly EventMessage[]): void {
  officeJsIn(target).OfficeExtension._testTriggerRichApiMessageEvent({
    entries: messages.map(({ targetId, message }) => ({ messageCategory: EVENT_MESSAGE_CATEGORY, messageType: WORKSHEET_CHANGED_EVENT, targetId, message: JSON.stringify(message) })),
  });
}

/** What `Office.context` gives an add-in in Excel: the platform and the requirement sets the host answers for. */
export interface OfficeContext {
  readonly host: 'Excel';
  readonly platform: 'OfficeOnline';
  readonly requirements: { readonly isSetSupported: (name: string, minVersion?: string | number) => boolean };
}

/**
 * Gives the library's `Office.context` (a getter over the loader's `OSF._OfficeAppFactory`) the host's
 * answers, standing in for office.js's loader, which the Excel file does not include. Returns the undo.
 */
export function provideOfficeContext(target: object, context: OfficeContext): () => void {
  const osf = (target as OfficeJsRealm).OSF;
  if (osf === undefined) throw new Error(NOT_LOADED);
  const previous = osf._OfficeAppFactory;
  osf._OfficeAppFactory = { getContext: () => context };
  return () => {
    osf._OfficeAppFactory = previous;
  };
}
