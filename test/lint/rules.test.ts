/**
 * Every rule on report text, ok and not-ok. The not-ok texts are lines of the seed reports
 * (fixtures/seed-*.txt) as written, or with the one slip the rule exists for put back in.
 */
import { describe, expect, it } from 'vitest';
import { lintRule, readFixture } from './helpers.js';

const seed4 = readFixture('seed-004');

describe('placeholder-left', () => {
  it('flags the template blanks of seed-000 line 2 (xx区委) and a year blank (20xx年度)', async () => {
    const text = readFixture('seed-000');
    const found = await lintRule(text, 'placeholder-left');
    expect(found[0]).toMatchObject({ text: 'xx', line: 2, column: 1 });
    expect(found.map((f) => f.text)).toContain('20xx');
    expect(found.every((f) => f.fix === undefined)).toBe(true);
  });

  it('flags ××, 某某, □ (the extractor\'s blanks) and a writing instruction (the rule\'s own)', async () => {
    const text = '召开区委常委会会议××次，某某同志主持。\n（此处填写本单位主要做法）\n完成投资□□亿元。\n';
    const found = await lintRule(text, 'placeholder-left');
    expect(found.map((f) => [f.text, f.line])).toEqual([
      ['××', 1],
      ['某某', 1],
      ['（此处填写本单位主要做法）', 2],
      ['□□', 3],
    ]);
  });

  it('leaves filled-in text, PM2.5, 3×4 and single 某 alone', async () => {
    const text = '召开区委常委会会议7次，PM2.5浓度下降，3×4米展板，某种程度上。\n';
    expect(await lintRule(text, 'placeholder-left')).toEqual([]);
  });
});

describe('numbering rules', () => {
  // seed-002's top headings, with 二、 taken out: 一、 … 三、
  const seed2 = readFixture('seed-002');
  it('numbering-gap: 三、 after 一、 once 二、存在问题 is cut', async () => {
    const cut = seed2.replace(/^二、存在问题\n[^\n]*\n/m, '');
    const found = await lintRule(cut, 'numbering-gap');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ text: '三、' });
    expect(cut.split('\n')[found[0]!.line - 1]).toBe('三、下步工作');
  });

  it('numbering-gap: none in the seed as written', async () => {
    expect(await lintRule(seed2, 'numbering-gap')).toEqual([]);
  });

  it('numbering-repeat: （二） written twice', async () => {
    const repeated = seed2.replace('（三）干部队伍建设情况', '（二）干部队伍建设情况');
    const found = await lintRule(repeated, 'numbering-repeat');
    expect(found.map((f) => [f.text, f.line])).toEqual([['（二）', 6]]);
    expect(await lintRule(seed2, 'numbering-repeat')).toEqual([]);
  });

  it('numbering-restart: 1. again after 1. 2. 3. under one heading', async () => {
    const text = '一、全面落实管党治党重大政治责任\n1.强化统筹谋划\n2.坚持问题导向\n1.压实工作责任\n';
    expect((await lintRule(text, 'numbering-restart')).map((f) => [f.text, f.line])).toEqual([['1.', 4]]);
    expect(await lintRule(readFixture('seed-000'), 'numbering-restart')).toEqual([]);
  });

  it('numbering-mixed-style: （一） beside 一、 at the top', async () => {
    const text = '（一）政治建设情况\n一、工作开展情况\n二、存在问题\n';
    const found = await lintRule(text, 'numbering-mixed-style');
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]!.line).toBe(2);
    const under = await lintRule('一、全面落实管党治党重大政治责任\n1.强化统筹谋划\n（一）政治建设情况\n', 'numbering-mixed-style');
    expect(under.map((f) => [f.text, f.line])).toEqual([['（一）', 3]]);
    expect(await lintRule(readFixture('seed-003'), 'numbering-mixed-style')).toEqual([]);
  });
});

describe('heading-level-order', () => {
  it('flags （一） above the first 一、', async () => {
    const text = '（一）政治建设情况\n一、工作开展情况\n（二）思想建设情况\n';
    expect((await lintRule(text, 'heading-level-order')).map((f) => [f.text, f.line])).toEqual([['（一）', 1]]);
  });

  it('flags （一） after a 1. heading under the same 一、', async () => {
    const text = '一、工作开展情况\n1.强化统筹谋划\n（一）政治建设情况\n';
    const found = await lintRule(text, 'heading-level-order');
    expect(found.map((f) => [f.text, f.line])).toEqual([['（一）', 3]]);
  });

  it('allows 1. directly under 一、 (seed-000) and 一、 › （一） (seed-003)', async () => {
    expect(await lintRule(readFixture('seed-000'), 'heading-level-order')).toEqual([]);
    expect(await lintRule(readFixture('seed-003'), 'heading-level-order')).toEqual([]);
  });
});

describe('heading-marker-form', () => {
  it('fixes (一) with ASCII brackets, 1、 and 一. at a line start', async () => {
    const text = '区委常委会工作报告\n一.工作开展情况\n(一)政治建设情况。坚持以习近平新时代中国特色社会主义思想为指导。\n1、强化统筹谋划\n';
    const found = await lintRule(text, 'heading-marker-form');
    expect(found.map((f) => [f.text, f.fix, f.line])).toEqual([
      ['一.', '一、', 2],
      ['(一)', '（一）', 3],
      ['1、', '1.', 4],
    ]);
  });

  it('flags 1． among 1. at one level, with the level’s form as the fix', async () => {
    const text = '一、全面落实\n1.强化统筹谋划\n2．坚持问题导向\n3.压实工作责任\n';
    expect((await lintRule(text, 'heading-marker-form')).map((f) => [f.text, f.fix])).toEqual([['2．', '2.']]);
  });

  it('accepts the seeds’ markers', async () => {
    for (const seed of ['seed-000', 'seed-002', 'seed-003']) expect(await lintRule(readFixture(seed), 'heading-marker-form')).toEqual([]);
  });
});

describe('heading-end-punctuation', () => {
  it('flags the one 1. heading of seed-000’s first section written without its 。', async () => {
    const seed0 = readFixture('seed-000');
    const text = seed0.replace('2.坚持问题导向。把落实', '2.坚持问题导向\n把落实');
    const found = await lintRule(text, 'heading-end-punctuation');
    expect(found.map((f) => [f.text.trim(), f.line])).toEqual([['2.坚持问题导向', 5]]);
    expect(await lintRule(seed0, 'heading-end-punctuation')).toEqual([]);
  });
});

describe('enumeration-gap', () => {
  it('flags 四是 after 二是 in a seed-002 paragraph with 三是 cut out', async () => {
    const seed2 = readFixture('seed-002');
    const line = seed2.split('\n').find((candidate) => candidate.includes('三是') && candidate.includes('四是'))!;
    const cut = line.replace(/三是[^。]*。/, '');
    const found = await lintRule(cut, 'enumeration-gap');
    expect(found.map((f) => [f.text, f.reason])).toEqual([['四是', '“四是” follows “二是”: 三是 missing']]);
    expect(await lintRule(seed2, 'enumeration-gap')).toEqual([]);
  });

  it('flags a repeated 第二，', async () => {
    const text = '全面从严治党方面，第一，压实主体责任。第二，强化监督检查。第二，严格执纪问责。\n';
    expect((await lintRule(text, 'enumeration-gap')).map((f) => f.text)).toEqual(['第二']);
  });
});

describe('slogan-variant', () => {
  it('fixes wrong forms to the canonical wording', async () => {
    const text = '进一步增强“4个意识”，坚定“四个自信”，做到二个维护。\n';
    expect((await lintRule(text, 'slogan-variant')).map((f) => [f.text, f.fix])).toEqual([
      ['4个意识', '四个意识'],
      ['二个维护', '两个维护'],
    ]);
  });

  it('reports the variant 六项纪律 of seed-004 without a fix, and fixes it with fixVariants', async () => {
    const found = await lintRule(seed4, 'slogan-variant');
    expect(found.map((f) => [f.text, f.line, f.fix])).toEqual([['六项纪律', 12, undefined]]);
    const fixed = await lintRule(seed4, 'slogan-variant', ['warn', { fixVariants: true }]);
    expect(fixed[0]!.fix).toBe('六大纪律');
  });

  it('accepts canonical slogans (seed-000’s opening)', async () => {
    expect(await lintRule(readFixture('seed-000'), 'slogan-variant')).toEqual([]);
  });
});

describe('slogan-count-mismatch and slogan-members', () => {
  it('slogan-count-mismatch: 三个自信 followed by four', async () => {
    const text = '坚定三个自信：道路自信、理论自信、制度自信、文化自信。\n';
    const found = await lintRule(text, 'slogan-count-mismatch');
    expect(found).toHaveLength(1);
    expect(found[0]!.reason).toContain('stands for 3 but 4 are listed');
  });

  it('slogan-count-mismatch: a list summary that states the wrong count', async () => {
    const text = '坚持公平、公开、公正、公认三项要求。\n';
    expect(await lintRule(text, 'slogan-count-mismatch')).toHaveLength(1);
    expect(await lintRule('坚持公平、公开、公正、公认四项要求。\n', 'slogan-count-mismatch')).toEqual([]);
  });

  it('slogan-members: 文明自信 for 文化自信, and 看齐意识 missing', async () => {
    const wrong = await lintRule('坚定“四个自信”：道路自信、理论自信、制度自信、文明自信。\n', 'slogan-members');
    expect(wrong.map((f) => f.text)).toEqual(['文明自信']);
    expect(wrong[0]!.reason).toContain('文化自信');
    const missing = await lintRule('增强“四个意识”：政治意识、大局意识、核心意识。\n', 'slogan-members');
    expect(missing).toHaveLength(1);
    expect(missing[0]!.reason).toContain('看齐意识');
  });

  it('accepts the members written right', async () => {
    expect(await lintRule('增强“四个意识”：政治意识、大局意识、核心意识、看齐意识。\n', 'slogan-members')).toEqual([]);
    expect(await lintRule('坚定“四个自信”：道路自信、理论自信、制度自信、文化自信。\n', 'slogan-count-mismatch')).toEqual([]);
  });
});

describe('quote-balance', () => {
  it('flags seed-004’s “三项建设" and fixes the ASCII quote to ”', async () => {
    const found = await lintRule(seed4, 'quote-balance');
    expect(found.map((f) => [f.text, f.line, f.fix])).toEqual([['"', 9, '”']]);
  });

  it('flags seed-001’s ”有钱办事” once: an opening quote typed as a closing one', async () => {
    const found = await lintRule(readFixture('seed-001'), 'quote-balance');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ text: '”', line: 7 });
    expect(found[0]!.reason).toContain('有钱办事');
  });

  it('flags a stray ” after a “…" pair: the ASCII quote closed that “', async () => {
    const found = await lintRule('他说“好"，又说"不”。\n', 'quote-balance');
    // Two quotations, both typed with one ASCII mark: `“好"` and `"不”`. Every wrong mark is marked.
    expect(found.map((f) => [f.text, f.column])).toEqual([
      ['"', 5],
      ['"', 9],
      ['”', 11],
    ]);
  });

  it('flags an unclosed “ and a 》 never opened', async () => {
    const found = await lintRule('落实“三重一大集体决策制度。\n制定考核办法》。\n', 'quote-balance');
    expect(found.map((f) => [f.text, f.line])).toEqual([
      ['“', 1],
      ['》', 2],
    ]);
  });

  it('accepts balanced marks (seed-003)', async () => {
    expect(await lintRule(readFixture('seed-003'), 'quote-balance')).toEqual([]);
  });
});

describe('debris', () => {
  it('flags and removes seed-000’s three pieces of debris with the spaces before them', async () => {
    const found = await lintRule(readFixture('seed-000'), 'debris');
    expect(found.map((f) => [f.text, f.line, f.fix])).toEqual([
      ['##paidbegin##', 4, ''],
      [' 【更多公文素材，微信：dadawk01 】', 16, ''],
      ['   ##paidend##', 21, ''],
    ]);
  });

  it('flags an advertising line but not 微信公众号 in seed-002’s own work', async () => {
    expect(await lintRule(readFixture('seed-002'), 'debris')).toEqual([]);
    const found = await lintRule('严格执纪问责。\n关注微信公众号“公文素材库”获取更多范文\n', 'debris');
    expect(found.map((f) => [f.line, f.fix])).toEqual([[2, undefined]]);
  });
});

describe('year-consistency', () => {
  const seed3 = readFixture('seed-003');
  it('accepts seed-003: a report on 2022 with 三、2023年工作重点', async () => {
    expect(await lintRule(seed3, 'year-consistency')).toEqual([]);
  });

  it('flags 2022年工作重点 in a report on 2022 (last year’s heading kept)', async () => {
    const found = await lintRule(seed3.replace('三、2023年工作重点', '三、2022年工作重点'), 'year-consistency');
    expect(found.map((f) => [f.text, f.line])).toEqual([['2022年', 12]]);
    expect(found[0]!.reason).toContain('title');
  });

  it('flags a date line two years after the title', async () => {
    const found = await lintRule(`${seed3.trimEnd()}\n\n2024年1月5日\n`, 'year-consistency');
    expect(found.map((f) => f.text)).toEqual(['2024年1月5日']);
    // Dated the next January, the date line itself fits (its 今年以来 does not: see below).
    expect((await lintRule(`${seed3.trimEnd()}\n\n2023年1月5日\n`, 'year-consistency')).filter((f) => f.text !== '今年')).toEqual([]);
  });

  it('flags 去年（2020年） in a report on 2022', async () => {
    const found = await lintRule(seed3.replace('今年以来，累', '去年（2020年）以来，累'), 'year-consistency');
    expect(found.map((f) => f.text)).toEqual(['去年（2020年']);
  });
});

describe('half-width-punctuation', () => {
  it('fixes seed-004’s ASCII , ; and brackets in Chinese text', async () => {
    const found = await lintRule(seed4, 'half-width-punctuation');
    expect(found.map((f) => [f.text, f.fix])).toEqual([
      ['(2019—2022年)', '（2019—2022年）'],
      ...Array.from({ length: 7 }, () => [';', '；']),
      [',', '，'],
      [',', '，'],
      [',', '，'],
    ]);
    expect(found.filter((f) => f.text === ',').map((f) => f.line)).toEqual([9, 10, 12]);
  });

  it('leaves 1,200, 8:30, PM2.5 and an item marker (1) alone', async () => {
    expect(await lintRule('发放资金1,200万元，8:30召开会议，PM2.5浓度下降，(1)加强学习。\n', 'half-width-punctuation')).toEqual([]);
  });

  it('leaves English at the end of a line alone (Hello world!), but not a mark ending Chinese', async () => {
    expect(await lintRule('成效明显。Hello world!\n', 'half-width-punctuation')).toEqual([]);
    expect((await lintRule('成效明显!\n', 'half-width-punctuation')).map((f) => f.text)).toEqual(['!']);
  });
});

describe('input rules (the parser’s input checks, same ids)', () => {
  it('empty-input on white space only, not on a report', async () => {
    expect((await lintRule('\n\u3000\n', 'empty-input')).map((f) => f.reason)).toEqual(['The input holds only white space.']);
    expect(await lintRule(readFixture('seed-002'), 'empty-input')).toEqual([]);
  });

  it('lone-surrogate at the half character', async () => {
    const found = await lintRule('坚持\uD840问题导向。\n', 'lone-surrogate');
    expect(found.map((f) => f.column)).toEqual([3]);
    expect(await lintRule('坚持\uD840\uDC00问题导向。\n', 'lone-surrogate')).toEqual([]);
  });

  it('long-line on 30,000 characters without sentence punctuation', async () => {
    const found = await lintRule(`${'党的建设'.repeat(7500)}\n`, 'long-line');
    expect(found.length).toBeGreaterThan(0);
    expect(await lintRule(seed4, 'long-line')).toEqual([]);
  });

  it('binary-input on control characters', async () => {
    const found = await lintRule(`${'\u0001\u0002\u0003'.repeat(40)}党的建设\n`, 'binary-input');
    expect(found).toHaveLength(1);
    expect(await lintRule(seed4, 'binary-input')).toEqual([]);
  });
});

describe('year-consistency: 今年 against the date line', () => {
  const seed3 = readFixture('seed-003');
  it('flags seed-003’s 今年以来 once it is dated January 2023: 今年 would be 2023', async () => {
    const dated = `${seed3.trimEnd()}\n\n2023年1月5日\n`;
    const found = await lintRule(dated, 'year-consistency');
    expect(found.length).toBe(seed3.split('今年').length - 1);
    expect(found.every((f) => f.text === '今年')).toBe(true);
    expect(found[0]!.reason).toContain('write 2022年');
  });

  it('accepts 今年以来 in seed-003 dated December 2022', async () => {
    expect(await lintRule(`${seed3.trimEnd()}\n\n2022年12月20日\n`, 'year-consistency')).toEqual([]);
  });
});
