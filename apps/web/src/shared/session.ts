import { useMemo, useState } from 'preact/hooks';
import { createApiClient, type ApiClient } from './api-client';

/** A signed-in user: the token lives in this tab only (sessionStorage), never in a cookie. */
export interface Session {
  token: string | null;
  expired: boolean;
  api: ApiClient;
  signIn(token: string): void;
  signOut(): void;
}

export function useSession(storageKey: string): Session {
  const [token, setToken] = useState<string | null>(() => sessionStorage.getItem(storageKey));
  const [expired, setExpired] = useState(false);
  return useMemo(() => {
    const signOut = (becauseExpired = false) => {
      sessionStorage.removeItem(storageKey);
      setExpired(becauseExpired);
      setToken(null);
    };
    return {
      token,
      expired,
      api: createApiClient({ token: () => sessionStorage.getItem(storageKey), onUnauthorized: () => signOut(true) }),
      signIn(next: string) {
        sessionStorage.setItem(storageKey, next);
        setExpired(false);
        setToken(next);
      },
      signOut: () => signOut(false),
    };
  }, [storageKey, token, expired]);
}
