/**
 * ## quote-balance
 *
 * Flags quotes and brackets that do not pair up in their paragraph: an
 * opening `“` `‘` `《` `（` never closed, a Chinese `“` closed by an ASCII `"`
 * (`“三项建设"`), and a closing `”` `》` `）` with no opening mark before it.
 *
 * Why: an unbalanced quote changes what a reader takes as quoted; in a title
 * mark it garbles the name of a document.
 *
 * Unclosed and mismatched marks are the parser's (`unclosed-quote`,
 * `mismatched-quote`: it reads an unclosed mark as plain text so that it
 * cannot swallow the paragraph); stray closing marks are found here.
 *
 * ok:
 *     落实“三重一大”集体决策制度，制定《考核办法（试行）》。
 *
 * not-ok:
 *     落实“三重一大集体决策制度。            ← “ never closed
 *     开展“三项建设"。                        ← “ closed by "
 *     制定考核办法》。                        ← 》 never opened
 *
 * Options: none. Fix: a `"` closing a `“` becomes `”`; nothing else (where a
 * missing closing mark belongs is the editor's call).
 */
import { PAIRS } from '../../text/characters.js';
import { coreWarnings } from '../core-warnings.js';
import { defineRule } from '../define-rule.js';
import { textRegions } from '../regions.js';
import { report } from '../report.js';

/** Chinese marks only: an ASCII `)` closes item markers such as `1)` that open nothing. */
const CHINESE_PAIRS = new Map([...PAIRS].filter(([open]) => open.charCodeAt(0) > 0x7f));
const OPENERS_OF = new Map([...CHINESE_PAIRS].map(([open, close]) => [close, open]));

export const quoteBalance = defineRule('quote-balance', ({ tree, file, data, text }) => {
  /** Where an ASCII `"` closes a `“` (the parser paired them): that `“` is closed for the count below. */
  const asciiClosers = new Set<number>();
  for (const warning of coreWarnings(data, ['unclosed-quote', 'mismatched-quote'])) {
    // The parser reports a mismatch on the ASCII `"` that closes a `“`: `”` is certain there.
    const asciiClose = warning.rule === 'mismatched-quote' && text[warning.offset] === '"';
    if (asciiClose) asciiClosers.add(warning.offset);
    report(file, text, { reason: warning.message, start: warning.offset, end: warning.offset + 1, ...(asciiClose ? { fix: '”' } : {}) });
  }
  // Stray closers: a closing mark with no opening mark of its kind open before it. Counted over
  // the whole text in order, so that a quotation a scraper broke over two lines (`《⏎纲要⏎》`)
  // is one message (the parser's, on the unclosed opening mark), not two.
  const open = new Map<string, number>();
  const strays: Array<{ at: number; char: string }> = [];
  for (const region of textRegions(tree)) {
    for (let at = region.start; at < region.end; at++) {
      const char = text[at]!;
      if (asciiClosers.has(at)) open.set('“', Math.max(0, (open.get('“') ?? 0) - 1));
      if (CHINESE_PAIRS.has(char)) open.set(char, (open.get(char) ?? 0) + 1);
      const opener = OPENERS_OF.get(char);
      if (opener === undefined) continue;
      // `’99` is an apostrophe (a year cut short), not a closing quote.
      if (char === '’' && /[0-9０-９]/.test(text[at + 1] ?? '')) continue;
      const count = open.get(opener) ?? 0;
      if (count > 0) open.set(opener, count - 1);
      else strays.push({ at, char });
    }
  }
  for (let index = 0; index < strays.length; index++) {
      const { at, char } = strays[index]!;
      const next = strays[index + 1];
      // `组织”有钱办事”`: two closing marks and no opening one between them is one quotation
      // whose opening mark was typed as a closing one; one message, on that mark.
      if (next && next.char === char && !text.slice(at + 1, next.at).includes(OPENERS_OF.get(char)!)) {
        report(file, text, { reason: `Quotation “${text.slice(at + 1, next.at)}” opens with ${char}: write ${OPENERS_OF.get(char)}`, start: at, end: at + 1 });
        index++;
        continue;
      }
      report(file, text, { reason: `Closing ${char} has no opening ${OPENERS_OF.get(char)} before it`, start: at, end: at + 1 });
  }
});
