const TOKEN_KEY = 'sanad.token';
const MEMBERSHIPS_KEY = 'sanad.memberships';

/** The bearer token of this browser tab (sessionStorage: closing the tab signs out), and the person's tenants. */
export const session = {
  token: (): string | null => sessionStorage.getItem(TOKEN_KEY),
  save: (token: string) => sessionStorage.setItem(TOKEN_KEY, token),
  memberships: (): { tenantId: string; roles: string[] }[] => JSON.parse(sessionStorage.getItem(MEMBERSHIPS_KEY) ?? '[]') as { tenantId: string; roles: string[] }[],
  saveMemberships: (memberships: { tenantId: string; roles: string[] }[]) => sessionStorage.setItem(MEMBERSHIPS_KEY, JSON.stringify(memberships)),
  clear: () => {
    sessionStorage.removeItem(TOKEN_KEY);
    sessionStorage.removeItem(MEMBERSHIPS_KEY);
  },
};
