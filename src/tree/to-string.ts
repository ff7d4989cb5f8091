/** The text of a node: its leaves' values concatenated. For the root, exactly the original input. */
import type { Node } from './types.js';

export function toString(node: Node | readonly Node[]): string {
  const parts: string[] = [];
  const visit = (current: Node) => {
    if ('value' in current) parts.push(current.value);
    else for (const child of current.children as Node[]) visit(child);
  };
  if (Array.isArray(node)) for (const child of node as Node[]) visit(child);
  else visit(node as Node);
  return parts.join('');
}
