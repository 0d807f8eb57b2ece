import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { z } from 'zod';
import { checkConflictsCommand, CHECK_CONFLICTS_FUNCTION } from '../commands/checkConflictsCommand';
import { CheckSession } from '../excel/checkSession';
import { officePreferences } from '../excel/officePreferences';
import { localPreferences, PREFERENCE_KEYS } from './preferences';
import { TaskPane } from './TaskPane';
import { yieldToPane } from './yieldToPane';

// The pane's Content-Security-Policy forbids eval, so zod must not probe for it.
z.config({ jitless: true });

/** The shared runtime's one page: the ribbon function and the task pane share this session. */
function start(): void {
  const preferences = officePreferences(localPreferences());
  const session = new CheckSession({ who: () => preferences.get(PREFERENCE_KEYS.who) || 'Task pane user', yieldToPane });
  Office.actions.associate(CHECK_CONFLICTS_FUNCTION, (event: Office.AddinCommands.Event) =>
    checkConflictsCommand(event, session, { showTaskpane: () => Office.addin.showAsTaskpane() }),
  );
  createRoot(document.getElementById('root') as HTMLElement).render(<TaskPane session={session} preferences={preferences} />);
  void session.startLiveChecking().catch((error) => session.reportError(error));
  void session.check();
}

Office.onReady(() => start());
