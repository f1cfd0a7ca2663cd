import { useCallback } from 'react';

/**
 * Moves focus to the page's heading when it appears, so screen readers and keyboards start there after a
 * navigation. A callback ref rather than an effect: pages that load their data first (the case page) render
 * the heading only later, and the focus must follow it then.
 */
export function usePageHeading<T extends HTMLElement = HTMLHeadingElement>() {
  return useCallback((heading: T | null) => {
    heading?.focus();
  }, []);
}
