import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { session } from './session.ts';

/** Pages behind sign-in: without a token, go to /login and come back here afterwards (deep links work). */
export function RequireSession({ children }: { children: ReactNode }) {
  const location = useLocation();
  if (!session.token()) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/login?next=${next}`} replace />;
  }
  return children;
}
