import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { session } from './session.ts';
import { signInPath } from './return-path.ts';

/** Pages behind sign-in: without a token, go to /login and come back here afterwards (deep links work). */
export function RequireSession({ children }: { children: ReactNode }) {
  const location = useLocation();
  if (!session.token()) return <Navigate to={signInPath(location.pathname + location.search)} replace />;
  return children;
}
