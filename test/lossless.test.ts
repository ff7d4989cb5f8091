import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse, toString, type ReportNode } from '../src/index.js';
import { archiveRecords, fixtureNames, readFixture } from './helpers/fixtures.js';
import { allNodes, expectExactPositions } from './helpers/tree.js';

describe('lossless on every fixture (nodejieba)', () => {
  for (const name of fixtureNames()) {
    it(name, () => {
      const text = readFixture(name);
      const report = parse(text);
      expect(toString(report.tree)).toBe(text);
      expectExactPositions(text, allNodes(report.tree));
    });
  }
});

describe('lossless on all 88 archive records', () => {
  const records = archiveRecords();
  it('reads 88 records', () => expect(records).toHaveLength(88));
  for (const record of records) {
    it(`${record.file}:${record.line} ${record.title.slice(0, 24)}`, () => {
      const report = parse(record.content);
      expect(toString(report.tree)).toBe(record.content);
    });
  }
});

describe('lossless on generated input', () => {
  // Fragments that exercise every construct: markers, debris, quotes, enumerations, spaces, line ends.
  const fragment = fc.constantFrom(
    '一、', '（二）', '(3)', '1.', '2．', '１．', '（1）', '①', '第一部分', '第一，', '一是', '二是', '十三五', '1.5万人',
    '##paidbegin##', '##paidend##', '【更多公文素材，微信：dadawk01 】', '“', '”', '"', '《', '》', '（', '）',
    '。', '，', '；', '！', '？', '：', '\n', '\r\n', '\r', '\n\n', ' ', '\u3000', '\u200b', '\t', '\u00a0',
    '工作', '两个维护', 'xx', '***', 'x.x', '20xx', '7次', '6.6%', 'PM2.5', '各位代表：', '同志们：', '政府工作报', '告',
  );
  const reportLike = fc.array(fc.oneof(fragment, fc.string({ maxLength: 4 })), { maxLength: 80 }).map((parts) => parts.join(''));

  it('round-trips report-like text built from markers, debris, quotes and line ends', () => {
    fc.assert(
      fc.property(reportLike, (text) => {
        const report = parse(text, { segmenter: 'runs' });
        expect(toString(report.tree)).toBe(text);
        expectExactPositions(text, allNodes(report.tree));
      }),
      { numRuns: 400 },
    );
  });

  it('round-trips arbitrary Unicode strings, lone surrogates included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        expect(toString(parse(text, { segmenter: 'runs' }).tree)).toBe(text);
      }),
      { numRuns: 300 },
    );
  });

  it('round-trips report-like text through nodejieba', () => {
    fc.assert(
      fc.property(reportLike, (text) => {
        expect(toString(parse(text).tree)).toBe(text);
      }),
      { numRuns: 100 },
    );
  });

  it('keeps document order when debris stands alone before the title (found by fast-check)', () => {
    const text = '##paidend##\n\n两个维护\r\n';
    const report = parse(text, { segmenter: 'runs' });
    expect(toString(report.tree)).toBe(text);
    expect(report.tree.children.map((child) => child.type)).toEqual(['Debris', 'WhiteSpaceNode', 'Title', 'WhiteSpaceNode']);
  });

  it('handles empty input with a warning', () => {
    const report = parse('');
    expect(toString(report.tree)).toBe('');
    expect(report.tree.children).toEqual([]);
    expect(report.warnings.map((warning) => warning.rule)).toEqual(['empty-input']);
  });

  it('handles a lone marker as a heading with empty text', () => {
    const report = parse('一、');
    expect(toString(report.tree)).toBe('一、');
    const [section] = report.tree.children;
    expect(section).toMatchObject({ type: 'Section', depth: 1, text: '', marker: { raw: '一、', ordinal: 1 } });
  });

  it('handles a long sentence after a short one: every character kept (found in review)', () => {
    const text = `你好。${'字'.repeat(30_000)}`;
    const report = parse(text);
    expect(toString(report.tree)).toBe(text);
    expect(report.warnings.map((warning) => warning.rule)).toEqual(['long-line']);
  });

  it('never cuts a chunk between the halves of a surrogate pair', () => {
    const text = `你好。${'字'.repeat(65_535)}😀${'字'.repeat(10)}`;
    const report = parse(text);
    expect(toString(report.tree)).toBe(text);
    for (const node of allNodes(report.tree)) {
      if ('value' in node) expect(node.value).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
    }
  });

  it('handles 0.9 MB of one line without sentence punctuation, with a warning', () => {
    const text = '全面从严治党'.repeat(150_000);
    const report = parse(text);
    expect(toString(report.tree)).toBe(text);
    expect(report.warnings.map((warning) => warning.rule)).toContain('long-line');
  });

  it('handles 1 MB of one line of ordinary sentences', () => {
    const text = '召开区委常委会会议7次，同比增长6.1%。'.repeat(45_000);
    const report = parse(text);
    expect(toString(report.tree)).toBe(text);
  });

  it('handles 50 MB of one line of sentences: kept whole as chunks, with a warning, in bounded memory', () => {
    const text = '召开区委常委会会议7次，同比增长6.1%。'.repeat(2_400_000);
    const report = parse(text);
    expect(toString(report.tree)).toBe(text);
    expect(report.warnings.map((warning) => warning.rule)).toEqual(['long-line']);
    expect(allNodes(report.tree).length).toBeLessThan(2_000);
  });

  it('handles a 1 MB heading line', () => {
    const text = `一、${'加强党的建设'.repeat(200_000)}\n正文。`;
    const report = parse(text);
    expect(toString(report.tree)).toBe(text);
    expect(report.tree.children[0]).toMatchObject({ type: 'Section', depth: 1 });
  });

  it('flags binary-looking input but keeps every character', () => {
    const text = 'PK\u0003\u0004\u0000\u0000一、标题\u0000\u0001';
    const report = parse(text);
    expect(toString(report.tree)).toBe(text);
    expect(report.warnings.map((warning) => warning.rule)).toContain('binary-input');
  });
});
