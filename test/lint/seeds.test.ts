/**
 * What a careful editor marks in each seed report, read line by line (the blanks are too many
 * to list: a few are checked by place, the rest are the placeholder extractor's, tested in
 * test/placeholders.test.ts), and what --fix leaves behind.
 */
import { describe, expect, it } from 'vitest';
import { analyzeJson, outline, parse } from '../../src/index.js';
import { applyFixesDetailed, lintText } from '../../src/lint/index.js';
import { found, readFixture } from './helpers.js';

/** Every message but the blanks, as [rule, line, the text it covers]. */
async function marks(name: string): Promise<Array<[string, number, string]>> {
  const text = readFixture(name);
  const file = await lintText(text);
  return file.messages.filter((message) => message.ruleId !== 'placeholder-left').map((message) => [message.ruleId!, found(text, message).line, found(text, message).text]);
}

async function blanks(name: string): Promise<Array<[number, string]>> {
  const text = readFixture(name);
  const file = await lintText(text, { config: { extends: 'none', rules: { 'placeholder-left': 'error' } } });
  return file.messages.map((message) => [found(text, message).line, found(text, message).text]);
}

describe('the seeds, as an editor reads them', () => {
  it('seed-000: three pieces of web debris; blanks from xx区委 on', async () => {
    expect(await marks('seed-000')).toEqual([
      ['debris', 4, '##paidbegin##'],
      ['debris', 16, ' 【更多公文素材，微信：dadawk01 】'],
      ['debris', 21, '   ##paidend##'],
    ]);
    const list = await blanks('seed-000');
    expect(list[0]).toEqual([2, 'xx']); // xx区委坚持以…
    expect(list).toContainEqual([6, '20xx']); // 开展20xx年度主体责任检查
  });

  it('seed-001: ASCII brackets twice, an opening quote typed as ”', async () => {
    expect(await marks('seed-001')).toEqual([
      ['half-width-punctuation', 7, '(社区)'],
      ['quote-balance', 7, '”'], // 村级党组织”有钱办事”
      ['half-width-punctuation', 13, '(试行)'],
    ]);
  });

  it('seed-002: nothing but blanks (“X组工”微信公众号 is the organ’s own account, not debris)', async () => {
    expect(await marks('seed-002')).toEqual([]);
    expect((await blanks('seed-002'))[0]).toEqual([2, 'X']); // 2021年，X区委坚持…
  });

  it('seed-003: nothing but blanks (the 2023年工作重点 of a report on 2022 is right)', async () => {
    expect(await marks('seed-003')).toEqual([]);
    expect((await blanks('seed-003')).some(([, blank]) => blank === '***')).toBe(true);
  });

  it('seed-004: ASCII punctuation, “三项建设", and 六项纪律 for 六大纪律', async () => {
    expect(await marks('seed-004')).toEqual([
      ['half-width-punctuation', 6, '(2019—2022年)'],
      ...Array.from({ length: 7 }, (): [string, number, string] => ['half-width-punctuation', 8, ';']), // 同比增长X%;规模以上…
      ['quote-balance', 9, '"'],
      ['half-width-punctuation', 9, ','], // 《妇联改革方案》,指导
      ['half-width-punctuation', 10, ','], // “15分钟就医服务圈”,免费
      ['half-width-punctuation', 12, ','], // “两大功能”,建好
      ['slogan-variant', 12, '六项纪律'],
    ]);
  });
});

describe('--fix on the seeds', () => {
  it.each(['seed-000', 'seed-001', 'seed-002', 'seed-003', 'seed-004'])('%s: fixed text lints clean of every fixed message, and nothing else changes', async (name) => {
    const text = readFixture(name);
    const before = await lintText(text);
    const fixed = applyFixesDetailed(text, before.messages);
    expect(fixed.skipped).toEqual([]);
    const after = await lintText(fixed.text);
    expect(after.messages.filter((message) => message.expected)).toEqual([]);
    // The messages without a fix are all still there…
    const unfixable = (messages: typeof before.messages) => messages.filter((message) => !message.expected).map((message) => `${message.ruleId}:${message.reason}`);
    expect(unfixable(after.messages)).toEqual(unfixable(before.messages));
    // …the outline and the blanks are the same, and the text differs only by the fixes' lengths.
    expect(outline(parse(fixed.text, { segmenter: 'runs' }))).toBe(outline(parse(text, { segmenter: 'runs' })));
    expect(analyzeJson(fixed.text).placeholders.map((placeholder) => placeholder.raw)).toEqual(analyzeJson(text).placeholders.map((placeholder) => placeholder.raw));
    const delta = fixed.applied.reduce((sum, message) => sum + message.expected![0]!.length - message.actual!.length, 0);
    expect(fixed.text.length - text.length).toBe(delta);
  });
});
