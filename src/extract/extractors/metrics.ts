/** Metrics (src/extract/metrics.ts) as an extractor: Metric nodes pointing at their record. */
import { announcesTargets, findMetrics } from '../metrics.js';
import type { MetricRecord } from '../types.js';
import type { Extractor, RegionFindings } from './extractor.js';

export const metricExtractor: Extractor<MetricRecord[]> = {
  name: 'metrics',
  start() {
    const metrics: MetricRecord[] = [];
    // A paragraph ending in `主要预期目标是：` announces targets in the paragraphs
    // after it (2010–2012 政府工作报告), until the next heading.
    let targetsAnnounced = false;
    return {
      region({ input, region, text, inSentence, claimed }): RegionFindings {
        if (region.kind !== 'paragraph') targetsAnnounced = false;
        const afterAnnouncement = targetsAnnounced;
        if (region.kind === 'paragraph') targetsAnnounced = announcesTargets(text);
        const spans: RegionFindings['spans'] = [];
        const context = { sectionRole: region.role ?? 'other', exclude: claimed, targetsAnnounced: afterAnnouncement, input };
        for (const metric of findMetrics(text, region.start, region.sentences, context)) {
          if (!inSentence(metric.offset)) continue;
          spans.push({ type: 'Metric', start: metric.offset, end: metric.offset + metric.raw.length, index: metrics.length });
          metrics.push(metric);
        }
        return { spans };
      },
      finish: () => metrics,
    };
  },
};
