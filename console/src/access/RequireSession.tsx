import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { FullPageSpinner } from '../shared/components/FullPageSpinner';
import { useSession } from './SessionProvider';

/** Shows its children to signed-in operators and sends everyone else to sign in, remembering where they were going. */
export function RequireSession({ children }: { children: ReactNode }) {
  const { state } = useSession();
  const location = useLocation();
  if (state.status === 'checking') {
    return <FullPageSpinner />;
  }
  if (state.status === 'signed-out') {
    const from = location.pathname + location.search;
    return <Navigate to="/login" replace state={{ from, reason: state.reason }} />;
  }
  return children;
}
