/**
 * Web debris: text a scraper or a document mill left in the report, which is
 * not content but must not be lost either.
 *   `##paidbegin##` / `##paidend##`  — paywall markers of document-sharing sites
 *   `【更多公文素材，微信：dadawk01 】` — promotions
 */
import type { DebrisKind } from '../tree/types.js';
import type { Range } from '../segment/sentences.js';

export interface DebrisSpan extends Range {
  kind: DebrisKind;
}

const DEBRIS = /##[A-Za-z_]{2,20}##|【[^】\n]{0,40}?(?:公文|素材|微信|公众号|关注|下载|扫码|QQ|VIP|更多)[^】\n]{0,40}】/g;

export function findDebris(text: string, start: number, end: number): DebrisSpan[] {
  const spans: DebrisSpan[] = [];
  const slice = text.slice(start, end);
  if (!slice.includes('##') && !slice.includes('【')) return spans;
  DEBRIS.lastIndex = 0;
  for (let match = DEBRIS.exec(slice); match; match = DEBRIS.exec(slice)) {
    spans.push({
      start: start + match.index,
      end: start + match.index + match[0].length,
      kind: match[0].startsWith('#') ? 'paywall-marker' : 'promotion',
    });
  }
  return spans;
}
