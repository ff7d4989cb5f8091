/**
 * The heading rules on a report of many headings: 40,000 lines of `一、总体要求`
 * (1.2 MB, inside the size limit). Each rule grouped headings by copying its
 * array per heading (`[...(map.get(k) ?? []), x]`), quadratic: 20,000 lines took
 * 63 s for the three heading rules, 40,000 never finished. Pushing in place,
 * measured alone: 3.0 s for every rule, 1.0 s for the three (most of it parsing).
 * The test lints 20,000 (the old code: over 60 s) in a worker thread with a 30 s limit.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { AnalysisWorker } from '../helpers/analysis-in-worker.js';

const worker = new AnalysisWorker();
afterAll(() => worker.close());

describe('heading rules over 20,000 headings', () => {
  it('lint finishes in linear time, and flags every repeated number', async () => {
    const result = await worker.lint('一、总体要求\n'.repeat(20_000), 30_000);
    const repeats = result.messages.filter((message) => message.ruleId === 'numbering-repeat');
    expect(repeats).toHaveLength(19_999);
    // Same style, same depth, no stops: nothing for the three heading rules to say.
    expect(result.messages.filter((message) => /^heading-/.test(message.ruleId))).toEqual([]);
  }, 40_000);
});
