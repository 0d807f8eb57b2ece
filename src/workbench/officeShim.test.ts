import { installOfficeShim } from './officeShim';

type Target = { Office?: { actions: Record<string, unknown> & { associate?: (id: string, handler: (event: { completed: () => void }) => void) => void }; addin: { showAsTaskpane?: () => Promise<void> } } };

describe('installOfficeShim', () => {
  it('adds to the client library’s Office what its Excel file leaves to the loader, keeping the rest', () => {
    const replaceShortcuts = () => undefined;
    const target: Target = { Office: { actions: { replaceShortcuts }, addin: {} } };
    installOfficeShim(target);
    expect(target.Office?.actions.replaceShortcuts).toBe(replaceShortcuts);
    expect(typeof target.Office?.actions.associate).toBe('function');
  });

  it('refuses to start without the client library', () => {
    expect(() => installOfficeShim({})).toThrow(/Office\.js client library/);
  });

  it('runs an associated ribbon function, resolving when it completes, and shows the pane on request', async () => {
    const target: Target = { Office: { actions: {}, addin: {} } };
    const shim = installOfficeShim(target);
    const shown: boolean[] = [];
    shim.onTaskpaneVisibility((visible) => shown.push(visible));
    target.Office?.actions.associate?.('checkConflicts', (event) => {
      void target.Office?.addin.showAsTaskpane?.();
      setTimeout(event.completed, 10);
    });
    await shim.executeFunction('checkConflicts');
    expect(shown).toEqual([true]);
    await expect(shim.executeFunction('missing')).rejects.toThrow('No function is associated with "missing"');
  });
});
