/** Template blanks (src/extract/placeholders.ts) as an extractor: Placeholder nodes, records and totals. */
import { countPlaceholders, findPlaceholders } from '../placeholders.js';
import type { PlaceholderCounts, PlaceholderRecord } from '../types.js';
import type { Extractor, RegionFindings } from './extractor.js';

export const placeholderExtractor: Extractor<{ placeholders: PlaceholderRecord[]; placeholderCounts: PlaceholderCounts }> = {
  name: 'placeholders',
  start() {
    const placeholders: PlaceholderRecord[] = [];
    return {
      region({ region, text, inSentence }): RegionFindings {
        const spans: RegionFindings['spans'] = [];
        for (const placeholder of findPlaceholders(text, region.start)) {
          if (!inSentence(placeholder.offset)) continue;
          placeholders.push(placeholder);
          spans.push({ type: 'Placeholder', start: placeholder.offset, end: placeholder.offset + placeholder.raw.length, kind: placeholder.kind });
        }
        return { spans };
      },
      finish: () => ({ placeholders, placeholderCounts: countPlaceholders(placeholders) }),
    };
  },
};
