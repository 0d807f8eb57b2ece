/** What the pane remembers for its user: their name for the log, their lab, how they like the list. */
export interface PanePreferences {
  get(key: string): string;
  set(key: string, value: string): void;
}

export const PREFERENCE_KEYS = { who: 'capacity-check.who', myLab: 'capacity-check.my-lab', compact: 'capacity-check.compact' } as const;

/** Preferences in the browser's local storage (the workbench, or Excel where roaming settings are missing). */
export function localPreferences(storage: Pick<Storage, 'getItem' | 'setItem'> = window.localStorage): PanePreferences {
  return {
    get: (key) => storage.getItem(key) ?? '',
    set: (key, value) => storage.setItem(key, value),
  };
}

/** In-memory preferences, for tests and pages without storage. */
export function memoryPreferences(initial: Record<string, string> = {}): PanePreferences {
  const values = new Map(Object.entries(initial));
  return { get: (key) => values.get(key) ?? '', set: (key, value) => void values.set(key, value) };
}
