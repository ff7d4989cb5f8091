/**
 * Hardening (issue 7): input built to make the parser slow — long runs of spaces, of
 * punctuation, of markers, of debris — must parse in linear time, losslessly. Each text is
 * analysed in a worker thread with a time limit, so a regression to a backtracking regex
 * fails here instead of hanging the suite. Limits are hang guards, ≥ 10× what was measured
 * (speed itself is measured in bench/).
 */
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AnalysisWorker } from './helpers/analysis-in-worker.js';

const worker = new AnalysisWorker();
afterAll(() => worker.close());

/** `piece` repeated to exactly `length` characters. */
const repeatTo = (piece: string, length: number) => piece.repeat(Math.ceil(length / piece.length)).slice(0, length);

/** What a reader calls white space at the ends of a heading or a lead: \s and the zero-width characters. */
const SPACE = /[\s\u200b-\u200d\u2060\ufeff]/;
/** Closing punctuation a lead does not end with: `一是压实主体责任。` leads with `一是压实主体责任`. */
const LEAD_END_PUNCTUATION = new Set([...'。！？；，：、,.;:!?']);

describe('the reproducers of issue 7', () => {
  it('an enumeration lead with 32 spaces inside parses at once (was minutes: exponential backtracking)', async () => {
    const spaces = ' '.repeat(32);
    const result = await worker.analyze(`一是压实${spaces}责任。\n`, 10_000);
    expect(result.json.enumerations.map((item) => item.lead)).toEqual([`一是压实${spaces}责任`]);
  });

  it('the same with U+3000, the indent of Chinese reports', async () => {
    const spaces = '\u3000'.repeat(32);
    const result = await worker.analyze(`一是压实${spaces}责任。二是强化监督。`, 10_000);
    expect(result.json.enumerations.map((item) => item.lead)).toEqual([`一是压实${spaces}责任`, '二是强化监督']);
  });

  it('a lead ending in a long run of spaces and commas drops the run, keeps the words', async () => {
    const run = repeatTo('， \u3000', 200_000);
    const result = await worker.analyze(`一是压实责任${run}。`, 10_000);
    expect(result.json.enumerations.map((item) => item.lead)).toEqual(['一是压实责任']);
  });

  it('a heading with 200,000 spaces inside keeps them in its text (was ~25 s: quadratic trim)', async () => {
    const spaces = ' '.repeat(200_000);
    const result = await worker.analyze(`一、标题${spaces}要求\n正文。`, 10_000);
    expect(result.json.headings.map((heading) => heading.text)).toEqual([`标题${spaces}要求`]);
    expect(result.lossless).toBe(true);
  });

  it('a heading padded with spaces of every kind has none at its ends', async () => {
    const padding = repeatTo(' \u3000\t\u00a0\u200b\u2003', 200_000);
    const result = await worker.analyze(`一、${padding}总体要求${padding}\n`, 10_000);
    expect(result.json.headings.map((heading) => heading.text)).toEqual(['总体要求']);
  });

  it('a line of 900,000 characters cut into 100,000 pieces by debris parses in linear time (was quadratic: ~75 s)', async () => {
    const text = repeatTo('工作##ab##。', 900_000);
    // Measured: 1 s alone, 4 s with the whole suite running on two cores.
    const result = await worker.analyze(text, 45_000);
    expect(result.lossless).toBe(true);
    expect(result.json.warnings.filter((warning) => warning.rule === 'long-line')).toEqual([]);
  });
});

describe('deep nesting', () => {
  it('`一、 （一）` repeated 5,000 times nests no deeper than 12 levels (was 10,000: stack overflow in analyzeJson)', async () => {
    const result = await worker.analyze('一、甲\n（一）乙\n'.repeat(5_000), 30_000);
    expect(result.lossless).toBe(true);
    expect(Math.max(...result.json.headings.map((heading) => heading.depth))).toBe(12);
    // Past the cap, each `一、` repeats the one open at depth 11: a reader sees 1 after 1.
    expect(result.json.warnings.some((warning) => warning.rule === 'numbering-repeat')).toBe(true);
  });
});

describe('long-line: analyzeJson warns as analyze does', () => {
  const long = '工作'.repeat(12_500); // 25,000 characters without sentence punctuation
  const cases: Array<[string, string, number]> = [
    ['in a paragraph', `一、总体情况\n${long}。\n`, '一、总体情况\n'.length],
    ['in a heading', `一、${long}\n`, '一、'.length],
    ['in a title line', long, 0],
  ];
  for (const [where, text, offset] of cases) {
    it(`a 25,000-character sentence ${where}`, async () => {
      const result = await worker.analyze(text, 10_000, { compareWithAnalyze: true });
      expect(result.json.warnings.filter((warning) => warning.rule === 'long-line').map((warning) => warning.offset)).toEqual([offset]);
      expect(result.sameAsAnalyze).toBe(true);
    });
  }
});

describe('200,000 characters of adversarial input parse and analyze in linear time, losslessly', () => {
  // Each targets a pattern or loop on the hot path (src/tree, src/segment, src/extract).
  const pieces: Record<string, string> = {
    'spaces, then a character': ' ',
    'ideographic spaces': '\u3000',
    'mixed invisible characters': ' \u3000\t\u00a0\u200b\u2060\ufeff\u2003',
    'space lines': ' \n',
    'headings, leads and blank lines': '一、 \n 一是 。\n二、 \n',
    'enumeration markers': '一是',
    'diyi markers': '第一、',
    'paren markers': '（1）',
    'promotion openers': '【公文',
    'paywall hashes': '#',
    'open brackets': '【',
    'open parens': '（',
    'open quotes': '“',
    'quoted slogans': '“两个维护”',
    'ASCII quotes': '"',
    'de (的)': '的',
    'target announcements': '目标：  ',
    'digits and dots': '1.',
    'digits and spaces': '1 ',
    'digits and commas': '1,',
    'placeholders': 'x.',
    'asterisks': '*',
    'year blanks': '20xx',
    'list items': '公平、',
    'numerals': '一二三四五六七八九十',
    'numerals with measure words': '三个',
    'percent ranges': '6%－',
    'multipliers': '1.5万',
    'report verbs': '通过开展',
    'rank words': '居',
    'baselines': '比',
    'Latin and numbers': 'PM2.5',
    'sentence ends and spaces': '。 ',
  };
  for (const [name, piece] of Object.entries(pieces)) {
    it(name, async () => {
      const text = repeatTo(piece, 200_000) + 'x';
      // Measured: at most 1 s alone, 4 s with the whole suite running on two cores.
      const result = await worker.analyze(text, 40_000);
      expect(result.lossless).toBe(true);
    });
  }
});

describe('whitespace-heavy generated input (fast-check)', () => {
  const spaceRun = fc
    .tuple(
      fc.constantFrom(' ', '\u3000', '\t', '\u00a0', '\u200b', '\u2003', '\ufeff'),
      // Short runs, and runs long enough to expose backtracking (2^30 steps at 30 spaces).
      fc.oneof(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 30, max: 400 })),
    )
    .map(([space, count]) => space.repeat(count));
  const fragment = fc.constantFrom(
    '一是', '二是', '三是', '第一，', '第二，', '其一，', '（1）', '一、', '二、', '（一）', '1.', '\n', '\r\n', '\n\n',
    '。', '，', '；', '：', '、', '！', '？', ',', '.', '压实', '责任', '工作', '“', '”', '##paidend##',
  );
  const text = fc.array(fc.oneof({ arbitrary: spaceRun, weight: 2 }, { arbitrary: fragment, weight: 3 }), { maxLength: 60 }).map((parts) => parts.join(''));

  it('round-trips; leads and heading texts have no white space or closing punctuation at their ends; analyzeJson equals analyze', async () => {
    await fc.assert(
      fc.asyncProperty(text, async (input) => {
        const result = await worker.analyze(input, 5_000, { compareWithAnalyze: true });
        expect(result.lossless).toBe(true);
        expect(result.sameAsAnalyze).toBe(true);
        for (const item of result.json.enumerations) {
          expect(input.startsWith(item.lead, item.offset)).toBe(true);
          const last = item.lead.at(-1) ?? '';
          expect(SPACE.test(last) || LEAD_END_PUNCTUATION.has(last)).toBe(false);
        }
        for (const heading of result.json.headings) {
          expect(input.indexOf(heading.text, heading.offset)).toBeGreaterThanOrEqual(heading.offset);
          expect(SPACE.test(heading.text.at(0) ?? '') || SPACE.test(heading.text.at(-1) ?? '')).toBe(false);
        }
      }),
      { numRuns: 150 },
    );
  });
});
