/** Keys and text values a user's preferences hold. */
export interface Preferences {
  get(key: string): string;
  set(key: string, value: string): void;
}

/**
 * The pane's preferences in Office's roaming settings, which follow the user from machine to machine;
 * `fallback` (the browser's local storage) where the host has none.
 */
export function officePreferences(fallback: Preferences): Preferences {
  const settings = typeof Office === 'undefined' ? undefined : Office.context?.roamingSettings;
  if (settings === undefined) return fallback;
  return {
    get: (key) => {
      const value: unknown = settings.get(key);
      return typeof value === 'string' ? value : '';
    },
    set: (key, value) => {
      settings.set(key, value);
      settings.saveAsync();
    },
  };
}
