import { describe, expect, it } from 'vitest';
import { visit } from 'unist-util-visit';
import { toString as nlcstToString } from 'nlcst-to-string';
import { parse, splitSentences, splitClauses, tokenize, toString, type Segmenter, type SentenceNode, type WordNode } from '../src/index.js';
import { getSegmenter } from '../src/segment/engines.js';
import { createNodejiebaSegmenter } from '../src/segment/nodejieba.js';

const nodejieba = getSegmenter('nodejieba');
const words = (text: string, segmenter: Segmenter = nodejieba, boundaries: number[] = []) =>
  tokenize(text, 0, text.length, segmenter, boundaries).map((token) => text.slice(token.start, token.end));

describe('words', () => {
  it('keeps numbers, decimals, thousands and placeholders whole (jieba splits them)', () => {
    expect(words('同比增长6.1%，完成1,200万元，共1100人')).toEqual(['同比', '增长', '6.1', '%', '，', '完成', '1,200', '万元', '，', '共', '1100', '人']);
    expect(words('XX区查处问题xx起，完成x.x亿元，整改率为***')).toContain('x.x');
    expect(words('XX区查处问题xx起，整改率为***')).toEqual(expect.arrayContaining(['XX', 'xx', '***']));
    expect(words('细颗粒物（PM2.5）浓度下降')).toContain('PM2.5');
  });

  it('full-width digits stay one word: １９９６年', () => {
    expect(words('１９９６年国内工作')[0]).toBe('１９９６');
  });

  it('forced boundaries become token edges', () => {
    // A span edge inside what jieba would keep as one word (`两个`) still cuts it.
    const cut = words('做到两个维护', nodejieba, [3]);
    expect(cut.join('')).toBe('做到两个维护');
    expect(cut).toContain('两');
    expect(words('召开会议7次', nodejieba, [4, 6])).toEqual(['召开', '会议', '7', '次']);
  });

  it('offsets are absolute and tokens tile the range exactly', () => {
    const text = '前文。坚持“严”的主基调，  推进工作。';
    const tokens = tokenize(text, 3, text.length, nodejieba);
    expect(tokens[0]!.start).toBe(3);
    expect(tokens.map((token) => text.slice(token.start, token.end)).join('')).toBe(text.slice(3));
    expect(tokens.find((token) => token.kind === 'whitespace')).toBeDefined();
    expect(text.slice(tokens.find((token) => token.kind === 'whitespace')!.start, tokens.find((token) => token.kind === 'whitespace')!.end)).toBe('  ');
  });

  it('slogans and organ names from dicts/ come out as single words in parse', () => {
    const found: string[] = [];
    visit(parse('一、总体\n做到两个维护，召开区委常委会会议，落实三重一大制度。').tree, 'WordNode', (word) => {
      found.push(nlcstToString(word as WordNode));
    });
    expect(found).toEqual(expect.arrayContaining(['两个维护', '区委常委会', '三重一大']));
  });

  it('a second nodejieba segmenter keeps the words the first inserted (nodejieba is loaded once)', () => {
    const first = createNodejiebaSegmenter(['甲乙丙丁戊']);
    const second = createNodejiebaSegmenter(['己庚辛壬癸']);
    expect(first.cut('甲乙丙丁戊')).toEqual(['甲乙丙丁戊']);
    expect(second.cut('己庚辛壬癸')).toEqual(['己庚辛壬癸']);
  });

  it('node-rs-jieba is a drop-in engine with the same protected runs', () => {
    const rs = getSegmenter('node-rs-jieba');
    expect(words('召开区委常委会会议7次，增长6.1%', rs)).toEqual(['召开', '区委常委会', '会议', '7', '次', '，', '增长', '6.1', '%']);
  });

  it('any object with cut() is a segmenter: one character per word', () => {
    const characters: Segmenter = { name: 'characters', cut: (text) => [...text] };
    const report = parse('一、总体\n正文。', { segmenter: characters });
    const found: string[] = [];
    visit(report.tree, 'WordNode', (word) => {
      found.push(nlcstToString(word as WordNode));
    });
    expect(found).toEqual(['总', '体', '正', '文']);
  });

  it('a segmenter that loses characters cannot corrupt offsets', () => {
    const lossy: Segmenter = { name: 'lossy', cut: (text) => [text.slice(1)] };
    const text = '一、总体\n正文内容。';
    expect(toString(parse(text, { segmenter: lossy }).tree)).toBe(text);
  });
});

describe('sentences and clauses', () => {
  const sentences = (text: string) => splitSentences(text, 0, text.length).sentences.map((range) => text.slice(range.start, range.end));

  it('split at 。！？； and keep closing quotes with the sentence', () => {
    expect(sentences('一是压实责任。二是强化武装；三是“要努力。”四是完善制度！')).toEqual(['一是压实责任。', '二是强化武装；', '三是“要努力。”', '四是完善制度！']);
  });

  it('do not split inside quotes or brackets', () => {
    expect(sentences('坚持“不忘初心。牢记使命”主题（含附件。）。下一句。')).toEqual(['坚持“不忘初心。牢记使命”主题（含附件。）。', '下一句。']);
  });

  it('an unclosed quote is read as plain text', () => {
    const split = splitSentences('坚持“严的主基调。推进工作。', 0, 14);
    expect(split.sentences).toHaveLength(2);
    expect(split.unclosed).toEqual([2]);
  });

  it('a Chinese quote closed by an ASCII quote is accepted and reported', () => {
    const text = '开展“三项建设"活动。下一句。';
    const split = splitSentences(text, 0, text.length);
    expect(split.sentences).toHaveLength(2);
    expect(split.mismatched).toEqual([7]);
  });

  it('clauses split at ，、：', () => {
    const text = '召开会议7次，查处问题3起、5人：完成';
    expect(splitClauses(text, 0, text.length).map((range) => text.slice(range.start, range.end))).toEqual(['召开会议7次，', '查处问题3起、', '5人：', '完成']);
  });
});

describe('the tree is nlcst-compatible below the paragraph', () => {
  it('nlcst-to-string reads sentences, and unist-util-visit finds every word', () => {
    const text = '一、总体情况\n做到“两个维护”，召开会议7次。';
    const report = parse(text);
    const sentenceTexts: string[] = [];
    visit(report.tree, 'SentenceNode', (sentence) => {
      sentenceTexts.push(nlcstToString(sentence as Parameters<typeof nlcstToString>[0]));
    });
    expect(sentenceTexts).toEqual(['做到“两个维护”，召开会议7次。']);
  });
});
