/** The newest Excel API requirement set the simulator stands in for. */
const EXCEL_API_VERSION = '1.18';

type ActionHandler = (event: { completed: () => void }) => unknown;

/** The workbench's side of the shim: what Excel's ribbon and window frame would do. */
export interface OfficeShim {
  /** Runs the function the add-in associated with `id`, as a ribbon button's ExecuteFunction does; resolves on `completed()`. */
  executeFunction(id: string): Promise<void>;
  /** Called with true when the add-in asks for its task pane, false when it hides it. */
  onTaskpaneVisibility(listener: (visible: boolean) => void): () => void;
}

/**
 * Puts a minimal `Office` on `target`: the parts the add-in's pane, session and ribbon function touch
 * (requirement sets, showing the task pane, associating ribbon functions, onReady). Nothing else.
 */
export function installOfficeShim(target: object): OfficeShim {
  const handlers = new Map<string, ActionHandler>();
  const listeners = new Set<(visible: boolean) => void>();
  const setTaskpaneVisible = async (visible: boolean): Promise<void> => listeners.forEach((listener) => listener(visible));
  const info = { host: 'Excel', platform: 'OfficeOnline' };
  (target as { Office?: unknown }).Office = {
    context: { requirements: { isSetSupported: (name: string, minVersion = '1.1') => name === 'ExcelApi' && compareVersions(minVersion, EXCEL_API_VERSION) <= 0 } },
    addin: { showAsTaskpane: () => setTaskpaneVisible(true), hide: () => setTaskpaneVisible(false) },
    actions: { associate: (id: string, handler: ActionHandler) => void handlers.set(id, handler) },
    onReady: (callback?: (readyInfo: typeof info) => void) => {
      callback?.(info);
      return Promise.resolve(info);
    },
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

/** Compares dotted versions numerically: "1.9" < "1.18". */
export function compareVersions(a: string, b: string): number {
  const [left, right] = [a, b].map((version) => version.split('.').map(Number));
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const difference = (left[i] ?? 0) - (right[i] ?? 0);
    if (difference !== 0) return Math.sign(difference);
  }
  return 0;
}
