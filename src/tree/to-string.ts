/** The text of a node: its leaves' values concatenated. For the root, exactly the original input. */
import type { ReportNode } from './types.js';

export function toString(node: ReportNode | readonly ReportNode[]): string {
  const parts: string[] = [];
  const visit = (current: ReportNode) => {
    if ('value' in current) parts.push(current.value);
    else for (const child of current.children as ReportNode[]) visit(child);
  };
  if (Array.isArray(node)) for (const child of node as ReportNode[]) visit(child);
  else visit(node as ReportNode);
  return parts.join('');
}
