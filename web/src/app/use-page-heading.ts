import { useEffect, useRef } from 'react';

/** Moves focus to the page's heading when a screen opens, so screen readers and keyboards start there. */
export function usePageHeading<T extends HTMLElement = HTMLHeadingElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return ref;
}
