import { compareVersions, installOfficeShim } from './officeShim';

describe('installOfficeShim', () => {
  it('supports ExcelApi up to 1.18 and nothing else', () => {
    const target: { Office?: { context: { requirements: { isSetSupported: (name: string, version?: string) => boolean } } } } = {};
    installOfficeShim(target);
    const supported = target.Office?.context.requirements.isSetSupported;
    expect([supported?.('ExcelApi', '1.9'), supported?.('ExcelApi', '1.18'), supported?.('ExcelApi', '1.19'), supported?.('WordApi', '1.1')]).toEqual([true, true, false, false]);
    expect(compareVersions('1.9', '1.18')).toBe(-1);
  });

  it('runs an associated ribbon function, resolving when it completes, and shows the pane on request', async () => {
    const target: { Office?: { actions: { associate: (id: string, handler: (event: { completed: () => void }) => void) => void }; addin: { showAsTaskpane: () => Promise<void> } } } = {};
    const shim = installOfficeShim(target);
    const shown: boolean[] = [];
    shim.onTaskpaneVisibility((visible) => shown.push(visible));
    target.Office?.actions.associate('checkConflicts', (event) => {
      void target.Office?.addin.showAsTaskpane();
      setTimeout(event.completed, 10);
    });
    await shim.executeFunction('checkConflicts');
    expect(shown).toEqual([true]);
    await expect(shim.executeFunction('missing')).rejects.toThrow('No function is associated with "missing"');
  });
});
