import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api.ts';
import { session } from './session.ts';

/** A 401 anywhere means the session is over: back to sign-in, then back to where the user was. */
function onUnauthenticated(error: unknown) {
  if (error instanceof ApiError && error.status === 401) {
    session.clear();
    const next = encodeURIComponent(window.location.pathname + window.location.search);
    window.location.assign(`/login?next=${next}`);
  }
}

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
      throwOnError: (error) => {
        onUnauthenticated(error);
        return false;
      },
    },
    mutations: { onError: onUnauthenticated },
  },
});
