import { summarize } from '../core';
import { CheckSession } from '../excel/checkSession';

export const CHECK_CONFLICTS_FUNCTION = 'checkConflicts';

export interface RibbonHost {
  /** Opens the task pane on the results (Office.addin.showAsTaskpane in Excel). */
  readonly showTaskpane: () => Promise<void>;
}

/**
 * The ribbon's "Check conflicts": checks and paints, opens the task pane when something was found or
 * went wrong, and always completes the event so the button keeps working.
 */
export async function checkConflictsCommand(event: { completed: () => void }, session: CheckSession, host: RibbonHost): Promise<void> {
  try {
    await session.check();
    const state = session.getState();
    const report = state.checked?.report;
    const found = report !== undefined && summarize(report).needsAttention;
    if (found || state.problem !== null || state.notice?.kind === 'error') await host.showTaskpane();
  } catch (error) {
    session.reportError(error);
    await host.showTaskpane().catch(() => undefined);
  } finally {
    event.completed();
  }
}
