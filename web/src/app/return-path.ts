/**
 * Where sign-in sends the user afterwards. Only paths on this origin are followed, so a crafted
 * `?next=//elsewhere` (or the `/\elsewhere` that browsers read the same way) cannot send anyone away.
 */
export function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  return next;
}

/** The sign-in page, remembering the page the user wanted (deep links survive a sign-in). */
export function signInPath(wanted: string): string {
  if (wanted === '/' || wanted.startsWith('/login')) return '/login';
  return `/login?next=${encodeURIComponent(wanted)}`;
}
