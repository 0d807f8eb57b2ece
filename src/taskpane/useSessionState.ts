import { useEffect, useState } from 'react';
import { CheckSession, SessionState } from '../excel/checkSession';

/** The session's current state, re-rendering on every change. */
export function useSessionState(session: CheckSession): SessionState {
  const [state, setState] = useState(session.getState());
  useEffect(() => {
    setState(session.getState());
    return session.subscribe(setState);
  }, [session]);
  return state;
}
