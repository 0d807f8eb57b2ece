import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { z } from 'zod';
import { checkConflictsCommand, CHECK_CONFLICTS_FUNCTION } from '../commands/checkConflictsCommand';
import { CheckSession } from '../excel/checkSession';
import { TaskPane } from './TaskPane';

const NAME_KEY = 'capacity-check.who';

// The pane's Content-Security-Policy forbids eval, so zod must not probe for it.
z.config({ jitless: true });

/** The shared runtime's one page: the ribbon function and the task pane share this session. */
function start(): void {
  const who = {
    get: () => window.localStorage.getItem(NAME_KEY) ?? '',
    set: (name: string) => window.localStorage.setItem(NAME_KEY, name),
  };
  const session = new CheckSession({ who: () => who.get() || 'Task pane user' });
  Office.actions.associate(CHECK_CONFLICTS_FUNCTION, (event: Office.AddinCommands.Event) =>
    checkConflictsCommand(event, session, { showTaskpane: () => Office.addin.showAsTaskpane() }),
  );
  createRoot(document.getElementById('root') as HTMLElement).render(<TaskPane session={session} who={who} />);
  void session.startLiveChecking().catch((error) => session.reportError(error));
  void session.check();
}

Office.onReady(() => start());
