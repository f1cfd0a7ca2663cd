/** What a key does in the tree view, the reading direction already applied (`open` is Right in English, Left in Arabic). */
export type TreeKey = 'down' | 'up' | 'first' | 'last' | 'open' | 'close';

interface TreeNode {
  id: string;
  parentId: string | null;
}

/**
 * The WAI-ARIA tree view's keyboard rules, apart from the DOM so they can be tested: where the focus goes and
 * whether the focused unit opens or closes. `visible` is the units in tree order with closed subtrees left out.
 */
export function nextFocus(
  key: TreeKey,
  current: TreeNode,
  { visible, hasChildren, isOpen }: { visible: readonly TreeNode[]; hasChildren: (id: string) => boolean; isOpen: (id: string) => boolean },
): { focus?: string; toggle?: 'open' | 'close' } {
  const index = visible.findIndex((node) => node.id === current.id);
  switch (key) {
    case 'down': return { focus: visible[Math.min(index + 1, visible.length - 1)]?.id };
    case 'up': return { focus: visible[Math.max(index - 1, 0)]?.id };
    case 'first': return { focus: visible[0]?.id };
    case 'last': return { focus: visible.at(-1)?.id };
    case 'open':
      if (!hasChildren(current.id)) return {};
      // Closed: open it, the focus stays. Open: on to its first child, which follows it in the visible order.
      return isOpen(current.id) ? { focus: visible[index + 1]?.id } : { toggle: 'open' };
    case 'close':
      if (hasChildren(current.id) && isOpen(current.id)) return { toggle: 'close' };
      return current.parentId === null ? {} : { focus: current.parentId };
  }
}
