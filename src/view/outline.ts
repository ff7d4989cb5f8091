/** The navigable outline: the sections as nested lists of links to their headings. */
import { h } from 'hastscript';
import type { Element } from 'hast';
import type { RootNode, Section } from '../tree/types.js';
import { headingId } from './report-text.js';

export function outlineNav(tree: RootNode): Element {
  let n = 0; // section number in document order: the same count report-text.ts gives its ids
  const list = (parent: { children: readonly { type: string }[] }): Element | null => {
    const sections = parent.children.filter((child): child is Section => child.type === 'Section');
    if (sections.length === 0) return null;
    return h(
      'ol',
      sections.map((section) => {
        const id = headingId(n++);
        return h('li', { className: [`role-${section.role}`] }, [
          h('a', { href: `#${id}` }, [h('span', { className: ['outline-marker'] }, section.marker.raw), ' ', section.text]),
          list(section),
        ]);
      }),
    );
  };
  const entries = list(tree);
  return h('nav', { className: ['outline'], ariaLabel: 'outline' }, [
    h('details', { open: true }, [h('summary', 'Outline'), entries ?? h('p', { className: ['empty'] }, 'No headings.')]),
  ]);
}
