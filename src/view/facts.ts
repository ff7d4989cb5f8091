/** The top of the page: the document facts (title, year, type, counts) and the legend of highlights. */
import { h } from 'hastscript';
import type { Element } from 'hast';
import type { Analysis } from '../analyze.js';
import type { PlacedMessage } from './messages.js';

export function documentFacts(analysis: Analysis, messages: readonly PlacedMessage[], fileName: string | undefined): Element {
  const distinctSlogans = new Set(analysis.slogans.map((slogan) => slogan.canonical)).size;
  const counts = analysis.placeholderCounts;
  const targets = analysis.metrics.filter((metric) => metric.stance === 'target').length;
  const errors = messages.filter((message) => message.severity === 'error').length;
  const facts: Array<[string, string]> = [
    ['year', analysis.year === null ? '—' : String(analysis.year)],
    ['type', analysis.docType ?? '—'],
    ['headings', String(analysis.headings.length)],
    ['enumeration items', String(analysis.enumerations.length)],
    ['slogans', `${analysis.slogans.length} (${distinctSlogans} distinct)`],
    ['placeholders', `${counts.total} (number ${counts.number}, year ${counts.year}, name ${counts.name})`],
    ['metrics', `${analysis.metrics.length} (${analysis.metrics.length - targets} actual, ${targets} target)`],
    ['messages', `${messages.length}${errors > 0 ? ` (${errors} errors)` : ''}`],
  ];
  return h('header', { className: ['facts'] }, [
    h('p', { className: ['doc-title'], lang: 'zh-CN' }, analysis.title ?? '(no title)'),
    fileName ? h('p', { className: ['file-name'] }, fileName) : null,
    h(
      'dl',
      facts.flatMap(([term, value]) => [h('div', [h('dt', term), h('dd', value)])]),
    ),
    legend(),
  ]);
}

/** The legend: a swatch per kind of highlight, styled exactly as in the text (but not a `mark`). */
function legend(): Element {
  const entries: Array<[string, string]> = [
    ['slogan', 'slogan 提法 (hover: canonical form, count)'],
    ['placeholder', 'placeholder 待填 (kind)'],
    ['metric', 'metric 数据 (hover: value, unit, stance)'],
    ['metric-target', 'target metric 目标'],
    ['message', 'lint message (listed at the side)'],
  ];
  return h(
    'ul',
    { className: ['legend'], ariaLabel: 'legend' },
    entries.map(([kind, label]) => h('li', [h('span', { className: ['swatch', `swatch-${kind}`] }, 'xx'), ' ', label])),
  );
}
