const TOKEN_KEY = 'sanad.token';

/** The bearer token of this browser tab (sessionStorage: closing the tab signs out). */
export const session = {
  token: (): string | null => sessionStorage.getItem(TOKEN_KEY),
  save: (token: string) => sessionStorage.setItem(TOKEN_KEY, token),
  clear: () => sessionStorage.removeItem(TOKEN_KEY),
};
