/**
 * The lint rules' patterns on input built to make them slow (the attack strings recheck
 * found, regex-safety.test.ts): each text is linted in a worker thread with a time limit,
 * as in adversarial.test.ts. Limits are hang guards, ≥ 10× what was measured alone. The
 * old date-line pattern of year-consistency fails the date-line ones (quadratic: 24 s and
 * more); the placeholder-left and debris patterns were linear in fact, only recheck could
 * not prove it, and these guard their rewrites.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { AnalysisWorker } from '../helpers/analysis-in-worker.js';

const worker = new AnalysisWorker();
afterAll(() => worker.close());

/** `piece` repeated to exactly `length` characters. */
const repeatTo = (piece: string, length: number) => piece.repeat(Math.ceil(length / piece.length)).slice(0, length);

const ofRule = <M extends { ruleId: string }>(messages: M[], ruleId: string) => messages.filter((message) => message.ruleId === ruleId);

describe('placeholder-left: bracketed instructions', () => {
  it('`(待定(` repeated 30,000 times: no closing bracket, no instruction, in linear time', async () => {
    // Measured: 1.2 s (most of it quote-balance's 60,000 messages).
    const result = await worker.lint('(待定('.repeat(30_000), 20_000);
    expect(ofRule(result.messages, 'placeholder-left')).toEqual([]);
  });

  it('recheck’s attack, `＊(待定某` repeated: no blank (one ＊ or 某 is none, no bracket closes)', async () => {
    // Measured: 0.8 s.
    const result = await worker.lint(`善${'＊(待定某'.repeat(24_495)}\n`, 20_000);
    expect(ofRule(result.messages, 'placeholder-left')).toEqual([]);
  });

  it('20,000 instructions in a row are 20,000 messages', async () => {
    // Measured: 0.4 s.
    const result = await worker.lint('（此处填写内容）'.repeat(20_000), 10_000);
    const instructions = ofRule(result.messages, 'placeholder-left');
    expect(instructions).toHaveLength(20_000);
    expect(instructions[19_999]).toMatchObject({ reason: 'Writing instruction left in: “（此处填写内容）”', start: 8 * 19_999, end: 8 * 20_000 });
  });
});

describe('year-consistency: date lines after long runs of white space (the old pattern read each run once per line start)', () => {
  const flagged = (date: string) => `Year of the date line “${date}” does not fit a report on 2022 (from the title’s “2022年”)`;

  it('a line of 200,000 tabs, then a date line', async () => {
    // Measured: 0.1 s (the old pattern: 24 s).
    const result = await worker.lint(`2022年工作总结\n${'\t'.repeat(200_000)}x\n——2021年3月5日`, 5_000);
    expect(ofRule(result.messages, 'year-consistency').map((message) => message.reason)).toEqual([flagged('——2021年3月5日')]);
  });

  it('200,000 blank lines, then a date line', async () => {
    // Measured: 1.1 s, nearly all of it parsing.
    const result = await worker.lint(`2022年工作总结\n${'\n'.repeat(200_000)}x\n2021年3月5日`, 15_000);
    expect(ofRule(result.messages, 'year-consistency')).toEqual([{ ruleId: 'year-consistency', reason: flagged('2021年3月5日'), start: 200_012, end: 200_021 }]);
  });

  it('blank lines, a dash on a line of its own, the date: one date line, from the dash, as the pattern read it', async () => {
    const result = await worker.lint(`2022年工作总结\n\n\u3000\n  ——\n2021年3月5日`, 10_000);
    expect(ofRule(result.messages, 'year-consistency')).toEqual([{ ruleId: 'year-consistency', reason: flagged('——\n2021年3月5日'), start: 18, end: 27 }]);
  });

  it('100,000 lines of one space', async () => {
    // Measured: 0.6 s.
    const result = await worker.lint(`2022年工作总结\n${' \n'.repeat(100_000)}x`, 10_000);
    expect(ofRule(result.messages, 'year-consistency')).toEqual([]);
  });
});

describe('debris: advertising wording', () => {
  it('200,000 characters of promotion words on one line: too long to be an advertising line', async () => {
    // Measured: 0.03 s.
    const result = await worker.lint(repeatTo('关注更多获取www.', 200_000), 10_000);
    expect(ofRule(result.messages, 'debris')).toEqual([]);
  });

  it('the same words in 5,000 short paragraphs are 5,000 advertising lines', async () => {
    // Measured: 1.5 s.
    const result = await worker.lint(`2022年工作总结\n\n${'关注微信公众号获取更多范文\n\n'.repeat(5_000)}`, 20_000);
    expect(ofRule(result.messages, 'debris')).toHaveLength(5_000);
  });
});
