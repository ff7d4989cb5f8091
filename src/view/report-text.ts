/**
 * The report tree as the page's text: one element per block and highlighted span, every
 * character of the input in a text node, in order, so the container's text content is the
 * input. The layout keeps the input's own line ends (CSS `white-space: pre-wrap`, every
 * element inline), rather than turning paragraphs into blocks, which would add or drop
 * line breaks.
 *
 * Words and sentences get no element of their own: they add nothing a reader sees and
 * would multiply the page's size.
 */
import { h } from 'hastscript';
import type { Element, ElementContent } from 'hast';
import type { Analysis } from '../analyze.js';
import type { ReportNode, Section } from '../tree/types.js';
import { toString } from '../tree/to-string.js';
import { MessageMarks } from './message-marks.js';
import type { PlacedMessage } from './messages.js';
import { metricTip, placeholderTip, sloganTimes, sloganTip } from './tips.js';

/** The id of the n-th section's heading (document order, from 0): what the outline links to. */
export const headingId = (n: number) => `heading-${n}`;
export const TEXT_CONTAINER_ID = 'text';

export function reportText(analysis: Analysis, messages: readonly PlacedMessage[]): Element {
  const text = toString(analysis.tree);
  const marks = new MessageMarks(text, messages);
  const times = sloganTimes(analysis.slogans);
  let sections = 0;

  const children = (node: { children: readonly ReportNode[] }): ElementContent[] => mergeText(node.children.flatMap(render));

  const render = (node: ReportNode): ElementContent[] => {
    if ('value' in node) {
      const value = marks.render(node.position.start.offset!, node.value);
      if (node.type === 'HeadingMarker') return [h('span', { className: ['heading-marker'] }, value)];
      if (node.type === 'Debris') return [h('span', { className: ['debris'], dataTip: `debris · ${node.kind}` }, value)];
      return value;
    }
    switch (node.type) {
      case 'Title':
        return [h('h1', { className: ['title'] }, children(node))];
      case 'Preamble':
        return [h('div', { className: ['preamble'] }, children(node))];
      case 'Salutation':
        return [h('p', { className: ['salutation'] }, children(node))];
      case 'FrontMatter':
        return [h('p', { className: ['front-matter', `role-${node.role}`], dataTip: `front matter · ${node.role}` }, children(node))];
      case 'BackMatter':
        return [h('div', { className: ['back-matter', `kind-${node.kind}`], dataTip: `back matter · ${node.kind}` }, children(node))];
      case 'Section': {
        const id = headingId(sections++);
        return [h('section', { className: ['section', `role-${node.role}`], dataDepth: node.depth }, sectionChildren(node, id))];
      }
      case 'Heading':
        throw new Error('view: a Heading outside its Section'); // rendered by sectionChildren
      case 'ParagraphNode':
        return [h('p', children(node))];
      case 'ListItem':
        return [h('span', { className: ['list-item'], dataOrdinal: node.ordinal }, children(node))];
      case 'Slogan':
        return [
          h(
            'mark',
            { className: ['slogan', node.known ? 'known' : 'unknown'], dataTip: sloganTip(node, times.get(node.canonical) ?? 1) },
            children(node),
          ),
        ];
      case 'Placeholder':
        return [h('mark', { className: ['placeholder', `kind-${node.kind}`], dataTip: placeholderTip(node) }, children(node))];
      case 'Metric': {
        const metric = analysis.metrics[node.index];
        const tip = metric ? metricTip(metric) : 'metric';
        return [h('mark', { className: ['metric', `stance-${metric?.stance ?? 'actual'}`], dataTip: tip }, children(node))];
      }
      default:
        // Words, sentences and the root: their characters, no element.
        return children(node);
    }
  };

  // A section's heading: h2 for a top-level section (the title is the h1), down to h6.
  const sectionChildren = (section: Section, id: string): ElementContent[] =>
    mergeText(
      section.children.flatMap((child) =>
        child.type === 'Heading' ? [h(`h${Math.min(section.depth + 1, 6)}`, { id, className: ['heading'] }, children(child))] : render(child),
      ),
    );

  const content = [...children(analysis.tree), ...marks.finish()];
  return h('main', { id: TEXT_CONTAINER_ID, className: ['report-text'], lang: 'zh-CN' }, content);
}

/** Adjacent text nodes as one (the words of a sentence): a smaller page, the same text. */
function mergeText(nodes: ElementContent[]): ElementContent[] {
  const out: ElementContent[] = [];
  for (const node of nodes) {
    const last = out[out.length - 1];
    if (node.type === 'text' && last?.type === 'text') last.value += node.value;
    else out.push(node);
  }
  return out;
}
