import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api } from '../shared/api/client';
import { accessApi, type Session } from './api';
import type { Permission } from './permissions';

type SessionState =
  | { status: 'checking' }
  | { status: 'signed-out'; reason?: 'expired' | 'signed-out' }
  | { status: 'signed-in'; session: Session };

interface SessionValue {
  state: SessionState;
  session: Session | undefined;
  can: (permission: Permission) => boolean;
  signIn: (username: string, password: string) => Promise<Session>;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

/** Knows who is signed in: asks the server once on start, and forgets the session on any 401. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'checking' });

  useEffect(() => {
    api.setUnauthorizedHandler(() => setState({ status: 'signed-out', reason: 'expired' }));
    const controller = new AbortController();
    accessApi
      .currentSession(controller.signal)
      .then((session) => setState({ status: 'signed-in', session }))
      .catch(() => {
        if (!controller.signal.aborted) {
          setState({ status: 'signed-out' });
        }
      });
    return () => controller.abort();
  }, []);

  const signIn = useCallback(async (username: string, password: string) => {
    const session = await accessApi.signIn(username, password);
    setState({ status: 'signed-in', session });
    return session;
  }, []);

  const signOut = useCallback(async () => {
    try {
      await accessApi.signOut();
    } finally {
      setState({ status: 'signed-out', reason: 'signed-out' });
    }
  }, []);

  const value = useMemo<SessionValue>(() => {
    const session = state.status === 'signed-in' ? state.session : undefined;
    return {
      state,
      session,
      can: (permission) => Boolean(session?.permissions.includes(permission)),
      signIn,
      signOut,
    };
  }, [state, signIn, signOut]);

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) {
    throw new Error('useSession needs a SessionProvider above it');
  }
  return value;
}
