/**
 * ## debris
 *
 * Flags web debris pasted in with the text: paywall markers of document
 * sites (`##paidbegin##`, `##paidend##`), promotions (`【更多公文素材，微信：
 * dadawk01 】`) — the Debris nodes of the tree — and lines that only advertise
 * (`关注微信公众号“××”获取更多范文`, `本文来源于网络`, a URL).
 *
 * Why: a report copied from a document-sharing site carries their markers;
 * sent out, they show where it came from.
 *
 * `微信公众号` inside a sentence about the organ's own work (`“X组工”微信公众号
 * 全年推送…`) is content, not debris: only an advertising line is flagged.
 *
 * ok:
 *     1.强化统筹谋划。深入学习党章党纪党规。
 *
 * not-ok:
 *     ##paidbegin##1.强化统筹谋划。           ← debris
 *     xxx家。 【更多公文素材，微信：dadawk01 】  ← debris
 *
 * Options: none. Fix: a Debris node is removed, with the spaces before it when
 * it ends its line, and with its line when it is the whole line; nothing else
 * moves. Advertising lines are reported, not removed (their extent is a
 * judgement).
 */
import type { Debris } from '../../tree/types.js';
import { defineRule } from '../define-rule.js';
import { textRegions } from '../regions.js';
import { report } from '../report.js';
import { allNodesOfType, endOf, startOf } from '../walk.js';

const INLINE_SPACE = /[ \t\u3000\u00a0]/;

/**
 * Promotion wording that no report sentence has; matched on a whole line only. Separate
 * patterns, not one alternation: each is linear and recheck proves it (the alternation of
 * all, with its bounded repeats, is too large for it to decide). A line is flagged when
 * any of them matches, as when one alternation did.
 */
const ADVERTISING = [
  /(?:关注|扫码|扫描|添加|长按|搜索)[^。\n]{0,12}(?:微信|公众号|二维码|QQ)/,
  /(?:更多|免费|海量)[^。\n]{0,8}(?:素材|范文|资料|公文|模板)/,
  /(?:下载|获取)[^。\n]{0,6}(?:完整版|全文|Word|word|文档)/,
  /本文(?:来源|来自|转载|由)|原文链接|https?:\/\/\S+|www\.\S+/,
];
/** A line longer than this is prose that happens to mention 公众号 or a site. */
const MAX_ADVERTISING_LINE = 60;

/** [start, end) the fix removes: the node, its leading spaces when it ends the line, the line when it is all the line holds. */
export function debrisRemoval(text: string, start: number, end: number): { start: number; end: number } {
  let from = start;
  while (from > 0 && INLINE_SPACE.test(text[from - 1]!)) from--;
  let to = end;
  while (to < text.length && INLINE_SPACE.test(text[to]!)) to++;
  const lineStart = from === 0 || text[from - 1] === '\n' || text[from - 1] === '\r';
  const lineEnd = to === text.length || text[to] === '\n' || text[to] === '\r';
  if (lineStart && lineEnd) {
    // The whole line: take its terminator too (or the one before it, on the last line).
    if (to < text.length) return { start: from, end: text.startsWith('\r\n', to) ? to + 2 : to + 1 };
    if (from > 0) return { start: text[from - 2] === '\r' && text[from - 1] === '\n' ? from - 2 : from - 1, end: to };
    return { start: from, end: to };
  }
  if (lineEnd) return { start: from, end: end };
  return { start, end };
}

export const debris = defineRule('debris', ({ tree, file, text }) => {
  for (const node of allNodesOfType<Debris>(tree, new Set(['Debris']))) {
    const removal = debrisRemoval(text, startOf(node), endOf(node));
    const what = node.kind === 'paywall-marker' ? 'Paywall marker' : 'Promotion';
    report(file, text, { reason: `${what} left from a web page: “${node.value.trim()}”`, ...removal, fix: '' });
  }
  for (const region of textRegions(tree)) {
    if (region.node.type !== 'ParagraphNode') continue;
    const slice = text.slice(region.start, region.end);
    if (!ADVERTISING.some((pattern) => pattern.test(slice))) continue;
    const line = slice.trim();
    if (line.length > MAX_ADVERTISING_LINE || /[。；]./.test(line)) continue;
    const start = region.start + slice.indexOf(line);
    report(file, text, { reason: `Advertising line left from a web page: “${line}”`, start, end: start + line.length });
  }
});
