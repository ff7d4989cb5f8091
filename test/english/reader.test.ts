/**
 * English reports on the same tree. The fixture (fixtures/english/report-en.txt) is written
 * for these tests in the style of the official translations: no real translation of a report
 * is reachable from the build machine. Its figures are the ones a reader sees in it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { visit } from 'unist-util-visit';
import { analyze, outline, parse, toString, type SentenceNode, type Slogan, type WordNode } from '../../src/index.js';
import { detectLanguage } from '../../src/english/detect.js';
import { readEnglishText } from '../../src/english/nlp.js';
import { allNodes, expectExactPositions, sections } from '../helpers/tree.js';

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../../fixtures/english/${name}`, import.meta.url)), 'utf8');
const english = fixture('report-en.txt');

describe('parse of an English report', () => {
  const report = parse(english);

  it('is detected as English and nests I. › 1. › (1) and (a) as the document does', () => {
    expect(detectLanguage(english)).toBe('en');
    expect(outline(report)).toBe(
      [
        '# REPORT ON THE WORK OF THE GOVERNMENT',
        'I. A Review of Our Work in 2023',
        '  1. We kept the economy stable',
        '    (1) Expanding domestic demand',
        '    (2) Stabilizing employment',
        '  2. We advanced reform and opening up',
        'II. Overall Requirements and Policy Priorities for 2024',
        '  1. Upholding the Two-Upholds',
        '    (a) Strengthening Party conduct',
        '',
      ].join('\n'),
    );
    const styles = sections(report.tree).map((section) => `${section.depth}:${section.marker.style}:${section.marker.ordinal}`);
    expect(styles).toEqual(['1:roman:1', '2:arabic:1', '3:paren-arabic:1', '3:paren-arabic:2', '2:arabic:2', '1:roman:2', '2:arabic:1', '3:paren-latin:1']);
    expect(report.salutation).toBe('Fellow Deputies,');
    expect(sections(report.tree).map((section) => section.role)).toEqual(['achievements', 'achievements', 'achievements', 'achievements', 'achievements', 'plans', 'plans', 'plans']);
  });

  it('is lossless, every node at its exact position', () => {
    expect(toString(report.tree)).toBe(english);
    expectExactPositions(english, allNodes(report.tree));
  });

  it('splits sentences and words with compromise, abbreviations and decimals kept whole', () => {
    const text = 'Mr. Li said GDP grew by 5.2 percent. Consumer prices rose by 0.2 percent.';
    const tree = parse(text, { language: 'en' }).tree;
    const sentences: string[] = [];
    visit(tree, 'SentenceNode', (node) => void sentences.push(toString(node as SentenceNode)));
    expect(sentences).toEqual(['Mr. Li said GDP grew by 5.2 percent.', 'Consumer prices rose by 0.2 percent.']);
    const words: Array<[string, number]> = [];
    visit(tree, 'WordNode', (node) => void words.push([toString(node as WordNode), (node as WordNode).position.start.offset!]));
    expect(words.slice(0, 7)).toEqual([['Mr', 0], ['Li', 4], ['said', 7], ['GDP', 12], ['grew', 16], ['by', 21], ['5.2', 24]]);
  });

  it('a Chinese report stays on the Chinese path', () => {
    expect(detectLanguage('一、总体情况\n推进GDP增长，落实CPI目标。')).toBe('zh');
    expect(detectLanguage('')).toBe('zh');
  });

  it('decides as the whole 20,000-character sample does, also when it stops counting early', () => {
    // The rule over the whole sample, counted plainly: English when Latin letters (at least 20) outnumber Han four to one.
    const reference = (text: string): string => {
      const sample = text.slice(0, 20_000);
      const latin = (sample.match(/[A-Za-z]/g) ?? []).length;
      const han = (sample.match(/[\u3400-\u4dbf\u4e00-\u9fff]/g) ?? []).length;
      return latin >= 20 && latin > 4 * han ? 'en' : 'zh';
    };
    const pieces = ['中', '国', 'GDP ', 'a', 'Z', ' ', '，', '1', 'CPI增长', 'The Government '];
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...pieces), fc.integer({ min: 1, max: 600 })), { maxLength: 80 }), (runs) => {
        const text = runs.map(([piece, times]) => piece.repeat(times)).join('');
        expect(detectLanguage(text)).toBe(reference(text));
      }),
      { numRuns: 300 },
    );
    // Decided early either way, and the end of a long report never changes a clear beginning.
    expect(detectLanguage('中'.repeat(6_000) + 'x'.repeat(14_000))).toBe('zh');
    expect(detectLanguage('x'.repeat(6_000) + '中'.repeat(14_000))).toBe('zh');
    expect(detectLanguage('x'.repeat(17_000) + '中'.repeat(3_000))).toBe('en');
  });
});

describe('analyze of an English report', () => {
  const analysis = analyze(english);

  it('finds formulas by their renderings, whatever the articles, hyphens, case and number, under the Chinese canonical form', () => {
    const found = analysis.slogans.map((slogan) => [slogan.text, slogan.canonical, slogan.quoted]);
    expect(found).toEqual([
      ['Two Upholds', '两个维护', false],
      ['four consciousnesses', '四个意识', true],
      ['Eight-point Rules', '中央八项规定', false],
      ['Four Forms of Decadence', '四风', false],
      ['Belt and Road Initiative', '一带一路', false],
      ['Two-Upholds', '两个维护', false],
      ['two upholds', '两个维护', false],
      ['Four Confidences', '四个自信', false],
      ['eight-point rules', '中央八项规定', false],
    ]);
    for (const slogan of analysis.slogans) expect(english.slice(slogan.offset, slogan.offset + slogan.length)).toBe(slogan.text);
    // The quoted one's node takes its quote marks in, as in Chinese.
    const nodes: Slogan[] = [];
    visit(analysis.tree, 'Slogan', (node) => void nodes.push(node as Slogan));
    expect(nodes.map((node) => toString(node))).toContain('“four consciousnesses”');
    expect(toString(analysis.tree)).toBe(english);
  });

  it('reads the metrics with compromise’s numbers, in the Chinese record shape', () => {
    const metric = (raw: string) => analysis.metrics.find((candidate) => candidate.raw === raw);
    expect(metric('5.2 percent')).toMatchObject({ value: 5.2, unit: 'percent', unitKind: 'percent', comparison: 'grow', stance: 'actual', indicator: 'gdp-growth' });
    expect(metric('12.56 million new urban jobs')).toMatchObject({ value: 12_560_000, unit: 'jobs', subject: 'new urban jobs', stance: 'actual', indicator: 'urban-jobs' });
    expect(metric('over 1 trillion yuan')).toMatchObject({ value: 1e12, unit: 'yuan', unitKind: 'money', qualifier: 'over' });
    expect(metric('695 million metric tons')).toMatchObject({ value: 695_000_000, unit: 'metric tons', unitKind: 'weight', indicator: 'grain-output' });
    expect(metric('around 5 percent')).toMatchObject({ value: 5, qualifier: 'around', stance: 'target', indicator: 'gdp-growth' });
    expect(metric('about 3 million graduates')).toMatchObject({ value: 3_000_000, unitKind: 'person', qualifier: 'about' });
    // Years and the numbers of formulas are not metrics.
    expect(analysis.metrics.map((candidate) => candidate.raw).join(' ')).not.toMatch(/2023|2024|Two|four/);
    for (const record of analysis.metrics) {
      expect(english.slice(record.offset, record.offset + record.raw.length)).toBe(record.raw);
      expect(english.slice(record.sentence.start, record.sentence.end)).toContain(record.raw);
    }
  });

  it('takes the targets of the coming year and the outcomes of the past one, like a 政府工作报告', () => {
    const byIndicator = (values: typeof analysis.targets) => Object.fromEntries(values.map((value) => [value.indicator, value.raw]));
    expect(byIndicator(analysis.targets)).toEqual({
      'gdp-growth': 'around 5 percent',
      'urban-jobs': 'over 12 million new urban jobs',
      'surveyed-unemployment': 'around 5.5 percent',
      cpi: 'around 3 percent',
      'deficit-ratio': '3 percent',
    });
    expect(byIndicator(analysis.outcomes)).toMatchObject({ 'gdp-growth': '5.2 percent', 'urban-jobs': '12.56 million new urban jobs', cpi: '0.2 percent', 'grain-output': '695 million metric tons' });
    expect(analysis.year).toBe(2024);
    expect(analysis.docType).toBe('政府工作报告');
  });
});

const dist = fileURLToPath(new URL('../../dist/', import.meta.url));

describe.skipIf(!existsSync(`${dist}index.js`))('compromise stays off the Chinese path', () => {
  const loads = (text: string, call: 'parse' | 'analyze') => {
    const script = `
      const gongwen = await import('${dist}index.js');
      gongwen.${call}(${JSON.stringify(text)}, { segmenter: 'runs' });
      const { createRequire } = await import('node:module');
      const loaded = Object.keys(createRequire(import.meta.url).cache).some((path) => path.includes('/node_modules/compromise/'));
      process.stdout.write(JSON.stringify(loaded));`;
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(child.status, child.stderr).toBe(0);
    return JSON.parse(child.stdout) as boolean;
  };

  it('parsing and analyzing Chinese never loads compromise; English does', () => {
    const chinese = '政府工作报告\n一、2023年工作回顾\n国内生产总值增长5.2%，坚决做到“两个维护”。\n';
    expect(loads(chinese, 'parse')).toBe(false);
    expect(loads(chinese, 'analyze')).toBe(false);
    expect(loads('I. Review\nGDP grew by 5.2 percent and we upheld the Two Upholds.\n', 'parse')).toBe(true);
  });
});

// compromise's work per call grows with the square of its sentences: a long paragraph is read in
// pieces cut where a sentence ends (src/english/nlp.ts). The pieces must not show in the result.
describe('a long paragraph read in pieces', () => {
  it('every sentence, term and number of 1,200 sentences on one line keeps its exact offset', () => {
    const sentence = 'Grain output rose 5 percent. ';
    const text = sentence.repeat(1200).trimEnd();
    const { sentences, numbers } = readEnglishText(text);
    expect(sentences).toHaveLength(1200);
    sentences.forEach((read, k) => {
      expect(read.start).toBe(k * sentence.length);
      for (const term of read.terms) expect(text.slice(term.start, term.end)).toBe(term.text);
    });
    expect(numbers.flat().map((number) => number.value)).toEqual(Array(1200).fill(5));
  });

  it('the tree of such a line stays lossless with exact positions', () => {
    const text = `I. Tasks\n${'The rate of growth reached 5 percent in the year under review. '.repeat(300)}\n`;
    const report = parse(text, { language: 'en' });
    expect(toString(report.tree)).toBe(text);
    expectExactPositions(text, allNodes(report.tree));
    const sentences: string[] = [];
    visit(report.tree, 'SentenceNode', (node) => void sentences.push(toString(node as SentenceNode)));
    expect(sentences).toHaveLength(300);
  });
});
