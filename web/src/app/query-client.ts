import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from './api.ts';
import { session } from './session.ts';
import { signInPath } from './return-path.ts';

/**
 * A 401 anywhere means the session is over: back to sign-in, then back to where the user was. On the caches,
 * not in the default options, because a query or mutation with its own `onError` would replace a default.
 */
function onUnauthenticated(error: unknown) {
  if (error instanceof ApiError && error.status === 401) {
    session.clear();
    window.location.assign(signInPath(window.location.pathname + window.location.search));
  }
}

export const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError: onUnauthenticated }),
  mutationCache: new MutationCache({ onError: onUnauthenticated }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      // Client errors (404, 403, 400) will not change on a retry; outages and 5xx may.
      retry: (count, error) => !(error instanceof ApiError && error.status < 500 && error.status !== 0) && count < 2,
    },
  },
});
