/** The side panel: every message, in text order, each a link that jumps to its underline. */
import { h } from 'hastscript';
import type { Element } from 'hast';
import type { PlacedMessage } from './messages.js';

export function messagePanel(messages: readonly PlacedMessage[]): Element {
  const ordered = [...messages].sort((a, b) => (a.start ?? -1) - (b.start ?? -1) || a.index - b.index);
  const items = ordered.map((message) => {
    const rule = message.message.ruleId ?? message.message.source ?? '';
    const where = message.line === null ? 'file' : `${message.line}:${message.column}`;
    const body = [
      h('span', { className: ['where'] }, where),
      ' ',
      h('span', { className: ['severity'] }, message.severity),
      ' ',
      h('span', { className: ['reason'], lang: 'zh-CN' }, message.message.reason),
      ' ',
      h('code', { className: ['rule'] }, rule),
    ];
    return h(
      'li',
      { className: [`severity-${message.severity}`] },
      message.start === null ? body : [h('a', { href: `#message-${message.index}`, id: `panel-message-${message.index}` }, body)],
    );
  });
  return h('aside', { className: ['messages'], ariaLabel: 'messages' }, [
    h('details', { open: true }, [
      h('summary', `Messages (${messages.length})`),
      items.length > 0 ? h('ol', items) : h('p', { className: ['empty'] }, 'No messages.'),
    ]),
  ]);
}
