/** The plugin seam: gongwen as a unified parser, the rules as a unified preset, messages as VFileMessages. */
import { unified } from 'unified';
import { VFile } from 'vfile';
import { VFileMessage } from 'vfile-message';
import { describe, expect, it } from 'vitest';
import { gongwenLintRecommended, gongwenParse } from '../../src/unified.js';
import { lintText } from '../../src/lint/index.js';
import { readFixture } from './helpers.js';

describe('gongwen/unified', () => {
  it('unified().use(gongwenParse).use(gongwenLintRecommended) lints seed-000 into VFileMessages', async () => {
    const text = readFixture('seed-000');
    const file = await unified().use(gongwenParse).use(gongwenLintRecommended).process(new VFile({ value: text, path: 'seed-000.txt' }));
    expect(String(file)).toBe(text); // the lossless tree compiles back to the input
    const debris = file.messages.filter((message) => message.ruleId === 'debris');
    expect(debris).toHaveLength(3);
    for (const message of file.messages) {
      expect(message).toBeInstanceOf(VFileMessage);
      expect(message.source).toBe('gongwen-lint');
    }
    const first = debris[0]!;
    expect(first.fatal).toBe(true); // debris is an error in the recommended preset
    expect(first.place).toEqual({ start: { line: 4, column: 1, offset: text.indexOf('##paidbegin##') }, end: { line: 4, column: 14, offset: text.indexOf('##paidbegin##') + 13 } });
    expect(first.actual).toBe('##paidbegin##');
    expect(first.expected).toEqual(['']);
  });

  it('puts the analysis on file.data, so rules never parse again', async () => {
    const processor = unified().use(gongwenParse);
    const file = new VFile(readFixture('seed-003'));
    const tree = processor.parse(file);
    expect(file.data.gongwen?.analysis.title).toBe('区关于2022年落实全面从严治党主体责任工作总结');
    expect(file.data.gongwen?.analysis.tree).toBe(tree);
  });

  it('lintText gives the same messages as the unified pipeline, warn-level ones not fatal', async () => {
    const text = readFixture('seed-004');
    const viaUnified = await unified().use(gongwenParse).use(gongwenLintRecommended).process(text);
    const viaLintText = await lintText(text);
    const summary = (messages: VFileMessage[]) => messages.map((message) => `${message.ruleId}@${message.place && 'start' in message.place ? message.place.start.offset : ''}`).sort();
    expect(summary(viaLintText.messages)).toEqual(summary(viaUnified.messages));
    expect(viaLintText.messages.find((message) => message.ruleId === 'half-width-punctuation')!.fatal).toBe(false);
  });

  it('a rule used without gongwenParse leaves a message that says so', async () => {
    const { debris } = await import('../../src/lint/rules/index.js');
    const file = new VFile('');
    await unified().use(debris).run({ type: 'RootNode', children: [] } as never, file);
    expect(file.messages).toHaveLength(1);
    expect(file.messages[0]!.reason).toMatch(/need the gongwenParse plugin/);
  });
});
