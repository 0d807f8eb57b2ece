type ActionHandler = (event: { completed: () => void }) => unknown;

/** The workbench's side of the shim: what Excel's ribbon and window frame would do. */
export interface OfficeShim {
  /** Runs the function the add-in associated with `id`, as a ribbon button's ExecuteFunction does; resolves on `completed()`. */
  executeFunction(id: string): Promise<void>;
  /** Called with true when the add-in asks for its task pane, false when it hides it. */
  onTaskpaneVisibility(listener: (visible: boolean) => void): () => void;
}

interface OfficeNamespace {
  actions?: Record<string, unknown>;
  addin?: Record<string, unknown>;
  onReady?: unknown;
}

const NOT_LOADED = "The workbench page loads Microsoft's Office.js client library (excel-web-16.00.debug.js) before its bundle, and it did not load.";

/**
 * Adds to the `Office` of Microsoft's client library, loaded before the bundle, the parts its Excel file
 * leaves to office.js's loader and to Excel's frame: associating ribbon functions, showing and hiding the
 * task pane, and onReady. `Office.context` (the requirement sets) comes from the simulated host when a
 * workbook is opened (ExcelSimulator.install).
 */
export function installOfficeShim(target: object): OfficeShim {
  const office = (target as { Office?: OfficeNamespace }).Office;
  if (office === undefined) throw new Error(NOT_LOADED);
  const handlers = new Map<string, ActionHandler>();
  const listeners = new Set<(visible: boolean) => void>();
  const setTaskpaneVisible = async (visible: boolean): Promise<void> => listeners.forEach((listener) => listener(visible));
  const info = { host: 'Excel', platform: 'OfficeOnline' };
  office.actions = { ...(office.actions ?? {}), associate: (id: string, handler: ActionHandler) => void handlers.set(id, handler) };
  // The library's own showAsTaskpane asks Excel's frame, which the workbench draws itself.
  office.addin = { ...(office.addin ?? {}), showAsTaskpane: () => setTaskpaneVisible(true), hide: () => setTaskpaneVisible(false) };
  office.onReady = (callback?: (readyInfo: typeof info) => void) => {
    callback?.(info);
    return Promise.resolve(info);
  };
  return {
    executeFunction: (id) =>
      new Promise<void>((resolve, reject) => {
        const handler = handlers.get(id);
        if (handler === undefined) return reject(new Error(`No function is associated with "${id}"`));
        Promise.resolve(handler({ completed: () => resolve() })).catch(reject);
      }),
    onTaskpaneVisibility: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
