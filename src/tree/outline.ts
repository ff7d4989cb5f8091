/**
 * A stable plain-text outline: `# title`, then one heading per line, indented
 * two spaces per level below the top, marker as written, a space, the text.
 * Meant for snapshot tests of new reports (see the README).
 */
import type { RootNode, Section } from './types.js';

export function outline(report: { tree: RootNode; title: string | null }): string {
  const lines: string[] = [];
  if (report.title !== null) lines.push(`# ${report.title}`);
  const visit = (section: Section) => {
    const marker = section.marker.raw === '' ? '' : `${section.marker.raw} `;
    lines.push(`${'  '.repeat(section.depth - 1)}${marker}${section.text}`);
    for (const child of section.children) if (child.type === 'Section') visit(child);
  };
  for (const child of report.tree.children) {
    if (child.type === 'Section') visit(child);
    // Back matter is no section: one line naming it, so a snapshot shows where the body ends.
    if (child.type === 'BackMatter') lines.push(`[${child.kind}] ${child.title} (${child.items} items)`);
  }
  return lines.length > 0 ? lines.join('\n') + '\n' : '';
}
