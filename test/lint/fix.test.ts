/** applyFixes: each fix at its message's offsets, nothing else; overlapping and stale fixes left alone. */
import { describe, expect, it } from 'vitest';
import { applyFixes, applyFixesDetailed, lintText } from '../../src/lint/index.js';

describe('applyFixes', () => {
  it('replaces exactly the flagged text, in one pass over a sentence of report text', async () => {
    const text = '坚持把抓好巡视整改作为践行“4个意识”、落实二个维护的重大政治任务,推进村(社区)建设。\n';
    const file = await lintText(text);
    expect(applyFixes(text, file.messages)).toBe('坚持把抓好巡视整改作为践行“四个意识”、落实两个维护的重大政治任务，推进村（社区）建设。\n');
  });

  it('keeps the first of two overlapping fixes and skips a fix whose text has changed', async () => {
    const text = '村(社区),推选\n';
    const file = await lintText(text);
    // (社区) and the , after it do not overlap: both apply.
    expect(applyFixes(text, file.messages)).toBe('村（社区），推选\n');
    const [brackets] = file.messages;
    const overlapping = Object.assign(Object.create(Object.getPrototypeOf(brackets)), brackets, { expected: ['（社）'] });
    const result = applyFixesDetailed(text, [brackets!, overlapping]);
    expect(result.applied).toHaveLength(1);
    expect(result.skipped).toHaveLength(1);
    expect(applyFixesDetailed('乡(社区),推选\n'.replace('社区', '街道'), [brackets!]).skipped).toHaveLength(1);
  });

  it('leaves messages without a certain fix alone', async () => {
    const text = '召开区委常委会会议xx次。\n';
    const file = await lintText(text);
    expect(file.messages.map((message) => message.ruleId)).toEqual(['placeholder-left']);
    expect(applyFixes(text, file.messages)).toBe(text);
  });
});
