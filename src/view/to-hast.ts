/**
 * `toHast(analysis)`: the analysis as one self-contained HTML page, in hast: document
 * facts and legend on top, the outline, the text with headings as h1–h6 and slogans,
 * placeholders and metrics as highlighted `mark`s, messages underlined in the text and
 * listed in a side panel. Styles and script are inline: the page works offline.
 */
import { h } from 'hastscript';
import type { Root } from 'hast';
import type { VFileMessage } from 'vfile-message';
import type { Analysis } from '../analyze.js';
import { toString } from '../tree/to-string.js';
import { documentFacts } from './facts.js';
import { placeMessages } from './messages.js';
import { outlineNav } from './outline.js';
import { messagePanel } from './panel.js';
import { PAGE_SCRIPT } from './page-script.js';
import { PAGE_STYLE } from './page-style.js';
import { reportText } from './report-text.js';

export interface ViewOptions {
  /** Messages to underline and list: the linter's (`lintText(…).messages`) or `warningsToMessages(…)`. */
  messages?: readonly VFileMessage[];
  /** Shown under the title (the CLI passes the input's path). */
  fileName?: string;
}

export function toHast(analysis: Analysis, options: ViewOptions = {}): Root {
  const placed = placeMessages(toString(analysis.tree), options.messages ?? []);
  const title = analysis.title ?? options.fileName ?? 'gongwen view';
  return {
    type: 'root',
    children: [
      { type: 'doctype' },
      h('html', { lang: 'zh-CN' }, [
        h('head', [
          h('meta', { charset: 'utf-8' }),
          h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
          h('meta', { name: 'generator', content: 'gongwen view' }),
          h('title', title),
          h('style', PAGE_STYLE),
        ]),
        h('body', [
          documentFacts(analysis, placed, options.fileName),
          h('div', { className: ['layout'] }, [outlineNav(analysis.tree), reportText(analysis, placed), messagePanel(placed)]),
          h('script', PAGE_SCRIPT),
        ]),
      ]),
    ],
  };
}
