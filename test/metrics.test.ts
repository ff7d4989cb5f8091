import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findMetrics } from '../src/extract/metrics.js';
import { findSlogans } from '../src/extract/slogans.js';
import type { MetricContext, OffsetRange } from '../src/extract/metrics.js';
import type { MetricRecord } from '../src/extract/types.js';
import { readSeed } from './helpers/fixtures.js';

const archivePath = fileURLToPath(new URL('../fixtures/archive/government_work_reports.jsonl', import.meta.url));

/** Sentences of a line as the tree cuts them: up to 。！？； (absolute offsets). */
function sentencesOf(line: string, lineStart: number): OffsetRange[] {
  const sentences: OffsetRange[] = [];
  let start = 0;
  for (let i = 0; i < line.length; i++) {
    if ('。！？；'.includes(line[i]!)) {
      sentences.push({ start: lineStart + start, end: lineStart + i + 1 });
      start = i + 1;
    }
  }
  if (start < line.length) sentences.push({ start: lineStart + start, end: lineStart + line.length });
  return sentences;
}

/**
 * Metrics of a whole text, one paragraph (line) at a time, as analyze calls it:
 * with the paragraph's slogans (dictionary forms, list summaries) excluded.
 */
function metricsOf(text: string, context?: MetricContext): MetricRecord[] {
  const metrics: MetricRecord[] = [];
  let lineStart = 0;
  for (const line of text.split('\n')) {
    const exclude = findSlogans(line, lineStart).slogans.map((slogan) => ({ start: slogan.offset, end: slogan.offset + slogan.length }));
    metrics.push(...findMetrics(line, lineStart, sentencesOf(line, lineStart), { ...context, exclude: [...(context?.exclude ?? []), ...exclude] }));
    lineStart += line.length + 1;
  }
  return metrics;
}

/** The metric written as `raw` right after `before` (first occurrence of the pair). */
function metricAfter(text: string, metrics: MetricRecord[], before: string, raw: string): MetricRecord | undefined {
  const at = text.indexOf(before + raw);
  if (at < 0) throw new Error(`not in text: ${before}${raw}`);
  return metrics.find((metric) => metric.offset === at + before.length);
}

const one = (text: string, context?: MetricContext) => {
  const found = metricsOf(text, context);
  expect(found).toHaveLength(1);
  return found[0]!;
};

describe('values and units (SPEC §6)', () => {
  it('1.5万人 → 15000 人, also at a line start (not a heading 1.)', () => {
    expect(one('1.5万人参加了培训。')).toMatchObject({ raw: '1.5万人', number: '1.5万', value: 15000, unit: '人', unitKind: 'person', offset: 0 });
    expect(one('前文。\n1.5万人参加了培训。')).toMatchObject({ value: 15000, offset: 4 });
  });

  it('5.66万亿元 → 5660000000000 元', () => {
    expect(one('国内生产总值达到5.66万亿元。')).toMatchObject({
      raw: '5.66万亿元', number: '5.66万亿', value: 5660000000000, unit: '元', unitKind: 'money', comparison: '达到', subject: '国内生产总值',
    });
  });

  it('counts in 万/亿 with no measure word are metrics of the noun after them (2012, 2022, 2024 reports)', () => {
    expect(metricsOf('解决了6398万农村人口的饮水困难和60万无电地区人口的用电问题。').map((m) => [m.raw, m.value, m.unit])).toEqual([
      ['6398万', 63980000, ''],
      ['60万', 600000, ''],
    ]);
    expect(one('提高学生营养改善计划补助标准，3700多万学生受益。')).toMatchObject({
      raw: '3700多万', value: 37000000, qualifier: '多', unit: '', stance: 'actual', subject: '学生',
    });
    expect(one('强化就业促进服务，脱贫人口务工规模超过3300万。')).toMatchObject({ raw: '超过3300万', value: 33000000, qualifier: '超过' });
  });

  it('a number right after 、 starts an item, it sums up no list: 两次…、两次… (2024 report)', () => {
    expect(metricsOf('两次降低存款准备金率、两次下调政策利率。').map((m) => [m.raw, m.value, m.unit])).toEqual([
      ['两次', 2, '次'],
      ['两次', 2, '次'],
    ]);
  });

  it('periods and units of comparison are not metrics: 40多年来, 每增长1个百分点 (2023, 2016 reports)', () => {
    expect(metricsOf('去年全球通胀达到40多年来新高。')).toEqual([]);
    expect(metricsOf('现在国内生产总值每增长1个百分点的增量，相当于5年前1.5个百分点。').map((m) => m.raw)).toEqual(['1.5个百分点']);
  });

  it('低于 and 不低于 qualify (2013, 2007 reports)', () => {
    expect(one('城镇登记失业率低于4.6%；')).toMatchObject({ raw: '低于4.6%', value: 4.6, qualifier: '以下', indicator: 'registered-unemployment' });
    expect(one('城镇新增就业人数不低于900万人，')).toMatchObject({ raw: '不低于900万人', value: 9000000, qualifier: '以上', indicator: 'urban-jobs' });
  });

  it('xxx余万元 → null 元, qualifier 余, placeholder', () => {
    expect(one('拨付“留岗红包”xxx余万元。')).toMatchObject({
      raw: 'xxx余万元', number: 'xxx余万', value: null, valueHigh: null, unit: '元', qualifier: '余', placeholder: true, predicate: '拨付', subject: '留岗红包',
    });
  });

  it('6%－6.5% → 6 with valueHigh 6.5, and the other ways of writing a range', () => {
    expect(one('国内生产总值增长6%－6.5%；')).toMatchObject({ raw: '6%－6.5%', number: '6%－6.5', value: 6, valueHigh: 6.5, unit: '%', unitKind: 'percent', comparison: '增长', subject: '国内生产总值' });
    expect(one('增长6—6.5%')).toMatchObject({ value: 6, valueHigh: 6.5, unit: '%' });
    expect(one('增长6%-6.5%')).toMatchObject({ value: 6, valueHigh: 6.5 });
    expect(one('增长5%至6%')).toMatchObject({ value: 5, valueHigh: 6 });
  });

  it('二十余次 → 20 次, qualifier 余', () => {
    expect(one('组织开展中心组理论学习二十余次。')).toMatchObject({ raw: '二十余次', number: '二十', value: 20, unit: '次', qualifier: '余', predicate: '开展', subject: '中心组理论学习' });
  });

  it('1,200 → 1200', () => {
    expect(one('共培训干部1,200人。')).toMatchObject({ value: 1200, unit: '人', predicate: '培训', subject: '干部' });
  });

  it('6.6% → 6.6 %; 三千二百万元; 两次; 30多年', () => {
    expect(one('国内生产总值增长6.6%，')).toMatchObject({ value: 6.6, unit: '%' });
    expect(one('投入三千二百万元。')).toMatchObject({ value: 32000000, unit: '元', predicate: '投入' });
    expect(one('先后两次获奖。')).toMatchObject({ value: 2, unit: '次' });
    expect(one('扎根基层30多年。')).toMatchObject({ value: 30, unit: '年', unitKind: 'time', qualifier: '多' });
  });

  it('qualifiers before, inside and after: 近 超 约 余 多 以上 左右 以内', () => {
    const found = metricsOf('走访群众近xx万人，解决问题超xx万件，约****万人次，xx余万元，20多个，1100万人以上，5%左右，4.5%以内。');
    expect(found.map((m) => [m.raw, m.qualifier])).toEqual([
      ['近xx万人', '近'],
      ['超xx万件', '超'],
      ['约****万人次', '约'],
      ['xx余万元', '余'],
      ['20多个', '多'],
      ['1100万人以上', '以上'],
      ['5%左右', '左右'],
      ['4.5%以内', '以内'],
    ]);
  });

  it('节约 and 最近 are not qualifiers', () => {
    expect(one('节约资金，节约3亿元。')).toMatchObject({ raw: '3亿元', qualifier: null });
  });

  it('units: area, length, weight, volume, energy, time, points, money in 美元', () => {
    const kinds = metricsOf('绿化12万平方米，铁路1.2万公里，粮食1.4万亿斤，水3亿立方米，装机3.7亿千瓦，用时24小时，提高2个百分点，外资1000亿美元，耕地18亿亩，钢1亿吨。')
      .map((m) => [m.unit, m.unitKind]);
    expect(kinds).toEqual([
      ['平方米', 'area'],
      ['公里', 'length'],
      ['斤', 'weight'],
      ['立方米', 'volume'],
      ['千瓦', 'energy'],
      ['小时', 'time'],
      ['个百分点', 'percentage-point'],
      ['美元', 'money'],
      ['亩', 'area'],
      ['吨', 'weight'],
    ]);
  });

  it('a unit written once serves a pair: 分别高4.2和0.7个百分点', () => {
    expect(metricsOf('分别高4.2和0.7个百分点。').map((m) => [m.raw, m.value, m.unit])).toEqual([
      ['4.2', 4.2, '个百分点'],
      ['0.7个百分点', 0.7, '个百分点'],
    ]);
  });

  it('the old archive: full-width digits, spaced digits, Chinese percentages, full-width thousands', () => {
    expect(one('去年经济增长8 ．8 ％，')).toMatchObject({ raw: '8 ．8 ％', value: 8.8, unit: '％' });
    expect(one('１９９７年国内生产总值达到７４７７２亿元。')).toMatchObject({ value: 7477200000000, unit: '元' });
    expect(one('财政收入增长百分之四十四点四；')).toMatchObject({ raw: '百分之四十四点四', value: 44.4, unit: '%', unitKind: 'percent', comparison: '增长', subject: '财政收入' });
    expect(one('比上年增长百分之十五以上。')).toMatchObject({ raw: '百分之十五以上', value: 15, qualifier: '以上' });
    expect(one('企业收入为４，０９４，８８９，０００元。')).toMatchObject({ value: 4094889000, unit: '元' });
    expect(one('产量1，062万吨。')).toMatchObject({ value: 10620000, unit: '吨' });
  });
});

describe('comparisons and ranks', () => {
  it('同比增长x.x without a unit is a growth rate', () => {
    expect(one('同比增长x.x，')).toMatchObject({ raw: 'x.x', unit: '', unitKind: 'percent', comparison: '同比增长', placeholder: true });
    // 〇〇 is a blank like xx, not the number 0.
    expect(one('建成〇〇个项目，')).toMatchObject({ raw: '〇〇个', value: null, placeholder: true, unit: '个' });
  });

  it('满意率达100%: the rate is the comparison and the indicator', () => {
    expect(one('满意率和基本满意率达100%。')).toMatchObject({ value: 100, comparison: '满意率', subject: '满意率和基本满意率' });
    expect(one('案件办结率达100%。')).toMatchObject({ comparison: '办结率', subject: '案件办结率' });
  });

  it('整改完成率达到双百 → 100, a percentage', () => {
    expect(one('截至2019年底，整改完成率达到双百。')).toMatchObject({ raw: '双百', value: 100, unit: '', unitKind: 'percent', comparison: '完成率' });
  });

  it('双百 elsewhere is a name (双百方针)', () => {
    expect(metricsOf('贯彻双百方针。')).toEqual([]);
  });

  it('居全市第x位 is a rank, of the subject before it', () => {
    const found = metricsOf('地区生产总值xxx.xx亿元，居全市第x位、中心城区第x位；同比增长x.x，并列全市第x位。');
    expect(found.map((m) => [m.raw, m.unitKind, m.comparison, m.subject])).toEqual([
      ['xxx.xx亿元', 'money', null, '地区生产总值'],
      ['第x位', 'rank', '排名', '地区生产总值'],
      ['第x位', 'rank', '排名', '地区生产总值'],
      ['x.x', 'percent', '同比增长', '地区生产总值'],
      ['第x位', 'rank', '排名', '地区生产总值'],
    ]);
  });

  it('占比, 提高…个百分点, 比上年增长, 上升到', () => {
    expect(one('干部占比达到30％，')).toMatchObject({ comparison: '占比', subject: '干部' });
    expect(one('比重提高2个百分点。')).toMatchObject({ comparison: '提高', unitKind: 'percentage-point' });
    expect(one('国内生产总值比上年增长7.4%，')).toMatchObject({ comparison: '比上年增长', subject: '国内生产总值' });
    expect(one('比五年前增加5000万吨，')).toMatchObject({ comparison: '增加', subject: null });
  });

  it('增加学位xxxx个: 增加 with an object is the verb, not a comparison', () => {
    expect(one('增加学位xxxx个。')).toMatchObject({ comparison: null, predicate: '增加', subject: '学位' });
  });
});

describe('predicate and subject', () => {
  it('召开区委常委会会议7次 → 召开, 区委常委会会议', () => {
    expect(one('召开区委常委会会议7次。')).toMatchObject({ value: 7, predicate: '召开', subject: '区委常委会会议' });
  });

  it('查处…问题xx起xx人: two metrics of one sentence, same verb and object', () => {
    const found = metricsOf('查处违反中央八项规定精神和“四风”问题xx起xx人，其中党纪政务处分xx人。');
    expect(found.map((m) => [m.raw, m.predicate, m.subject])).toEqual([
      ['xx起', '查处', '问题'],
      ['xx人', '查处', '问题'],
      ['xx人', '处分', null],
    ]);
    expect(found[0]!.sentence).toEqual(found[1]!.sentence);
  });

  it('number before the noun: 新开办x所民办小学, 新建x个街道（社区）退役军人之家', () => {
    expect(one('新开办x所民办小学。')).toMatchObject({ predicate: '新开办', subject: '民办小学' });
    expect(one('新建x个街道（社区）退役军人之家。')).toMatchObject({ predicate: '新建', subject: '街道退役军人之家' });
  });

  it('verb chains: 组织开展, 排查化解, 打击处理', () => {
    expect(one('组织开展中心组理论学习20余次。')).toMatchObject({ predicate: '开展', subject: '中心组理论学习' });
    expect(one('排查化解矛盾纠纷****余起。')).toMatchObject({ predicate: '化解', subject: '矛盾纠纷' });
    expect(one('打击处理涉黑涉恶人员X人。')).toMatchObject({ predicate: '处理', subject: '涉黑涉恶人员' });
  });

  it('a list under one verb: 先后组织X次专题学习、X次专题研究', () => {
    const found = metricsOf('先后组织X次专题学习、X次专题研究。');
    expect(found.map((m) => [m.predicate, m.subject])).toEqual([
      ['组织', '专题学习'],
      ['组织', '专题研究'],
    ]);
  });

  it('the subject of a result verb comes before it: 全社会固定资产投资实际完成xxx.xx亿元', () => {
    expect(one('全社会固定资产投资实际完成xxx.xx亿元，')).toMatchObject({ predicate: '完成', subject: '全社会固定资产投资' });
  });

  it('organs are not verbs: 党组织, 组织部', () => {
    expect(one('向纪委、组织部移交问题线索X件。')).toMatchObject({ predicate: '移交', subject: '问题线索' });
    expect(one('转化提升xx个软弱涣散基层党组织。')).toMatchObject({ predicate: '提升', subject: '软弱涣散基层党组织' });
  });
});

describe('stance: actual or target', () => {
  it('a target announced in the sentence: 主要预期目标是：', () => {
    const found = metricsOf('今年经济社会发展的主要预期目标是：国内生产总值增长6%－6.5%；城镇新增就业1100万人以上，城镇调查失业率5.5%左右。这些目标符合实际。去年增长6.6%。');
    expect(found.map((m) => [m.raw, m.stance])).toEqual([
      ['6%－6.5%', 'target'],
      ['1100万人以上', 'target'],
      ['5.5%左右', 'target'],
      ['6.6%', 'actual'],
    ]);
  });

  it('力争, 拟, 预期, 计划 announce targets; 好于预期, 目标任务全面完成, 年度计划的 do not', () => {
    expect(metricsOf('力争年内30％的村达到十万元。').map((m) => [m.raw, m.stance])).toEqual([
      ['30％', 'target'],
      ['十万元', 'target'],
    ]);
    expect(metricsOf('赤字率拟按3%左右安排。')[0]!.stance).toBe('target');
    expect(one('经济增长预期7%左右，').stance).toBe('target');
    expect(one('今年计划国内生产总值增长百分之九。').stance).toBe('target');
    expect(one('经济恢复好于预期，全年国内生产总值增长2.3％，').stance).toBe('actual');
    expect(one('主要目标任务全面完成并好于预期。国内生产总值增长6.9%，').stance).toBe('actual');
    expect(metricsOf('完成投资X亿元，是年度计划的X倍。').map((m) => m.stance)).toEqual(['actual', 'actual']);
  });

  it('控制在…以内 is a ceiling, 涨幅控制在2.6% in a review a result', () => {
    expect(one('城镇登记失业率控制在4.6%以内；').stance).toBe('target');
    expect(one('居民消费价格涨幅控制在2.6%。').stance).toBe('actual');
  });

  it('…的预期目标 after the number', () => {
    expect(metricsOf('经济增长6.9%，高于6.5%左右的预期目标。').map((m) => m.stance)).toEqual(['actual', 'target']);
  });

  it('in a plans section or a paragraph opening with 下一步, everything is a target', () => {
    expect(one('新建城市书房X个。', { sectionRole: 'plans' }).stance).toBe('target');
    expect(one('下一步，新建城市书房X个。').stance).toBe('target');
    expect(one('新建城市书房X个。', { sectionRole: 'achievements' }).stance).toBe('actual');
  });
});

describe('not metrics', () => {
  it.each([
    ['dates and years', '2021年3月5日，1 9 9 3 年，二〇二一年，20xx年度，2019年底，100周年。'],
    ['ordinals of meetings and congresses', '高质量召开区第xx次党代会，党的十九届六中全会，召开区委X届X次、X次全会，十三届全国人大五次会议，十九届中央纪委五次全会。'],
    ['other ordinals', '第一种形态，以初选第一的成绩，第一批，第十批专家，国务院第x次大督查，第二督导组。'],
    ['quoted names and slogans', '打造“15分钟就医服务圈”，打造“15分钟阅读圈”，“xx分钟服务圈”，“1234”干部工作思路，“十四五”规划，“两个维护”。'],
    ['unquoted slogans', '做到两个维护，增强四个意识，坚持四项基本原则，落实中央八项规定精神，和平共处五项原则，两个一百年，四个现代化。'],
    ['a numeral summing up the list before it', '认真落实公平、公开、公正、公认四项要求，抓好“学习教育、查纠整改、总结提升”三个环节。'],
    ['numbers in titles', '《中央巡视工作规划(2019—2022年)》，《关于加强对“一把手”和领导班子监督的若干措施》。'],
    ['section markers and inline enumerations', '1.强化统筹谋划。（2）加强领导。一是压实主体责任。二是强化理论武装。'],
    ['a bare 一 (an article or part of a word)', '一个时期，统一部署，每季度召开一次联席会议，进一步，一批企业。'],
    ['二次 and 二期 (secondary, phase two)', '实施二次供水改造，防护林二期工程。'],
    ['approximations and names with numerals', '几个，十四五规划，五一假期，三四个人。'],
    ['Latin codes', 'PM2.5、PM10、5G基站、dadawk01、x86。'],
    ['numbers without a unit, not after a comparison', '版本x.x版，编号12345。'],
  ])('%s', (_label, text) => {
    expect(metricsOf(text).map((m) => m.raw)).toEqual([]);
  });

  it('caller exclude spans (slogans, quoted names) are left alone', () => {
    const text = '完成三个小区改造，新建5个站点。';
    expect(metricsOf(text).map((m) => m.raw)).toEqual(['三个', '5个']);
    const excluded = findMetrics(text, 100, [], { exclude: [{ start: 102, end: 106 }] });
    expect(excluded.map((m) => [m.raw, m.offset])).toEqual([['5个', 111]]);
  });

  it('an unclosed quote does not swallow the paragraph', () => {
    expect(metricsOf('开展“便民建设活动，新建5个站点，召开会议7次。').map((m) => m.raw)).toEqual(['5个', '7次']);
    expect(metricsOf('扎实开展统战工作“三项建设"，新建5个站点。').map((m) => m.raw)).toEqual(['5个']);
  });
});

describe('offsets and sentences', () => {
  it('offset is the absolute offset of raw (qualifier included); sentence is the one holding it', () => {
    const line = '前一句。走访群众近xx万人，解决问题超xx万件。';
    const found = findMetrics(line, 50, sentencesOf(line, 50));
    expect(found.map((m) => [m.raw, m.offset, m.sentence])).toEqual([
      ['近xx万人', 50 + 8, { start: 54, end: 74 }],
      ['超xx万件', 50 + 18, { start: 54, end: 74 }],
    ]);
    expect(line.slice(found[0]!.offset - 50, found[0]!.offset - 50 + found[0]!.raw.length)).toBe('近xx万人');
  });

  it('without sentences, the sentence is the paragraph', () => {
    expect(findMetrics('召开会议7次。', 10, [])[0]!.sentence).toEqual({ start: 10, end: 17 });
  });
});

describe('a very long line stays linear', () => {
  it('1 MB of report text in one line', () => {
    const unit = '全区累计走访群众X万余人次，协调解决问题X个，“15分钟阅读圈”，第一种形态xxx人，同比增长6.5%。';
    const line = unit.repeat(Math.ceil(1_000_000 / unit.length));
    const started = performance.now();
    const found = findMetrics(line, 0, [{ start: 0, end: line.length }]);
    const elapsed = performance.now() - started;
    expect(found.length).toBe(4 * Math.ceil(1_000_000 / unit.length));
    expect(elapsed).toBeLessThan(10_000);
  });

  it.each([
    ['digits', '1'.repeat(1_000_000)],
    ['open quotes', '“'.repeat(1_000_000)],
    ['open brackets', '（1个'.repeat(300_000)],
    ['ranges', '6%－'.repeat(300_000)],
    ['one target far away', '力争' + '增长6%。'.repeat(200_000)],
  ])('pathological input: %s', (_label, line) => {
    const started = performance.now();
    findMetrics(line, 0, []);
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});

// ------------------------------------------------------------------ seed reports, checked by hand

type Expected = Partial<MetricRecord>;
/**
 * Each row read in the seed report: the text right before the metric, the
 * metric as written, and what a reader says it is.
 */
const SEED_METRICS: Record<string, Array<[string, string, Expected]>> = {
  '000_2366e1a6fb616132.txt': [
    ['组织区委理论学习中心组集体学习', 'xx次', { value: null, placeholder: true, unit: '次', unitKind: 'count', qualifier: null, predicate: '组织', subject: '区委理论学习中心组集体学习' }],
    ['共走访居民群众', '近xx万人', { number: 'xx万', value: null, unit: '人', unitKind: 'person', qualifier: '近', predicate: '走访', subject: '居民群众' }],
    ['解决群众诉求和问题', '超xx万件', { unit: '件', qualifier: '超', predicate: '解决', subject: '群众诉求和问题' }],
    ['总运营面积', '超x.x万平方米', { number: 'x.x万', unit: '平方米', unitKind: 'area', qualifier: '超', subject: '总运营面积' }],
    ['半径', 'xxx米', { unit: '米', unitKind: 'length', subject: '半径' }],
    ['发放救助资金', '近x亿元', { number: 'x亿', unit: '元', unitKind: 'money', qualifier: '近', predicate: '发放', subject: '救助资金' }],
    ['拨付“留岗红包”', 'xxx余万元', { number: 'xxx余万', value: null, unit: '元', qualifier: '余', predicate: '拨付', subject: '留岗红包' }],
    ['新开办', 'x所', { unit: '所', predicate: '新开办', subject: '民办小学' }],
    ['增加学位', 'xxxx个', { unit: '个', comparison: null, predicate: '增加', subject: '学位' }],
    ['试点工作方案，与', 'xxxx余名', { unit: '名', unitKind: 'person', qualifier: '余', subject: '重度失能人员' }],
    ['楼门，惠及群众', 'xx万余户', { unit: '户', qualifier: '余', predicate: '惠及', subject: '群众' }],
    ['截至三季度，地区生产总值', 'xxx.xx亿元', { unit: '元', predicate: null, subject: '地区生产总值' }],
    ['亿元，居全市', '第x位', { unit: '位', unitKind: 'rank', comparison: '排名', subject: '地区生产总值' }],
    ['；同比增长', 'x.x', { unit: '', unitKind: 'percent', comparison: '同比增长', subject: '地区生产总值' }],
    ['增幅排名全市', '第x位', { unitKind: 'rank', subject: '增幅' }],
    ['全社会固定资产投资实际完成', 'xxx.xx亿元', { unit: '元', predicate: '完成', subject: '全社会固定资产投资' }],
    ['成员单位达', 'xxx家', { unit: '家', comparison: '达', subject: '“北方设计联盟”成员单位' }],
    ['污染地块安全利用率', 'xxx', { unit: '', unitKind: 'percent', comparison: '利用率', subject: '污染地块安全利用率' }],
    ['处置问题线索', 'xxx件', { predicate: '处置', subject: '问题线索' }],
    ['挽回经济损失', 'xxxx.x万元', { number: 'xxxx.x万', unit: '元', predicate: '挽回', subject: '经济损失' }],
  ],
  '001_57d06ec813a5cf50.txt': [
    ['专题研究全面从严治党工作', '2次', { value: 2, unit: '次', predicate: '研究', subject: '全面从严治党工作', placeholder: false }],
    ['全年研究党建相关工作', '7次', { value: 7, predicate: '研究', subject: '党建相关工作' }],
    ['召开党建工作领导小组会议', '1次', { value: 1, predicate: '召开', subject: '党建工作领导小组会议' }],
    ['组织开展中心组理论学习', '20余次', { value: 20, number: '20', qualifier: '余', predicate: '开展', subject: '中心组理论学习' }],
    ['“四风”问题', 'xx起', { unit: '起', predicate: '查处', subject: '问题' }],
    ['“四风”问题xx起', 'xx人', { unit: '人', predicate: '查处', subject: '问题' }],
    ['村级集体经济达到', '10万元以上', { value: 100000, unit: '元', qualifier: '以上', comparison: '达到', subject: '村级集体经济' }],
    ['同比增加', 'xx%', { unit: '%', unitKind: 'percent', comparison: '同比增加' }],
    ['追缴违规违纪资金', 'xx万余元', { unit: '元', qualifier: '余', predicate: '追缴', subject: '违规违纪资金' }],
    ['注意事项，', '九种', { value: 9, unit: '种', subject: '监督方式' }],
    ['引进高素质人才', 'xx名', { predicate: '引进', subject: '高素质人才' }],
  ],
  '002_a41be418d54fa817.txt': [
    ['全区累计走访群众', 'X万余人次', { unit: '人次', unitKind: 'person', qualifier: '余', predicate: '走访', subject: '群众' }],
    ['文件同比减少', 'X%以上', { unit: '%', qualifier: '以上', comparison: '同比减少' }],
    ['挽回经济损失', 'X余万元', { number: 'X余万', unit: '元', qualifier: '余', predicate: '挽回', subject: '经济损失' }],
    ['全年召开', 'X次', { predicate: '召开', subject: '区委常委会' }],
    ['拍摄《X》等', 'X部', { unit: '部', predicate: '拍摄', subject: '微视频' }],
    ['引入北京恩派等社会组织', 'X家', { predicate: '引入', subject: '社会组织' }],
    ['严把', '三个', { value: 3, unit: '个', subject: '节点' }],
  ],
  '003_c2c44bd365bfd414.txt': [
    ['整改率为', '***', { unit: '', unitKind: 'percent', comparison: '整改率' }],
    ['干部占比达到', '****％', { unit: '％', comparison: '占比', subject: '“80后”“90后”干部' }],
    ['与年初相比，提高', '***个百分点', { unit: '个百分点', unitKind: 'percentage-point', comparison: '提高', subject: '“80后”“90后”干部' }],
    ['参与互动留言点赞', '约****万人次', { unit: '人次', qualifier: '约' }],
    ['力争年内', '30％', { value: 30, unit: '％', stance: 'target', subject: '村' }],
    ['包联', '***个', { predicate: '包联', subject: '最强党支部' }],
    ['印发“新业态新就业群体党建工作”“最强党支部建设提质升级”“推深做实抓党建促乡村振兴”“深化党建引领基层治理”“抓党建促民族团结进步”等', '5个', { value: 5, predicate: '印发', subject: '实施方案' }],
  ],
  '004_bda7739a96efcbec.txt': [
    ['整改完成率达到', '双百', { value: 100, unit: '', unitKind: 'percent', comparison: '完成率' }],
    ['人大代表建议X件，满意率和基本满意率达', '100%', { value: 100, unit: '%', comparison: '满意率' }],
    ['全年新增就业', 'X万余人', { unit: '人', qualifier: '余', predicate: '新增', subject: '就业' }],
    ['是年度计划的', 'X倍', { unit: '倍', unitKind: 'other', stance: 'actual' }],
    ['规模以上工业增加值同比增长', 'X%', { comparison: '同比增长', subject: '规模以上工业增加值' }],
    ['预计分别达到', 'X元', { unit: '元', comparison: '达到', subject: '城乡居民人均可支配收入' }],
    ['预计分别达到X元和', 'X元', { unit: '元', comparison: '达到', subject: '城乡居民人均可支配收入' }],
    ['提供X类', 'X项', { unit: '项', predicate: '提供', subject: '公共卫生服务项目' }],
    ['打击处理涉黑涉恶人员', 'X人', { predicate: '处理', subject: '涉黑涉恶人员' }],
  ],
};

/** Places in the seeds where a number is written but nothing is measured. */
const SEED_TRAPS: Record<string, string[]> = {
  '000_2366e1a6fb616132.txt': ['区第xx次党代会', '中央第xx巡视组', '第一种形态', '100周年', '十九届六中全会', '国务院第x次大督查', '1.强化统筹谋划', '二次供水', '“xx分钟服务圈”', '四项任务', '三个环节', '2021年', '20xx年', 'x.x版', '第一批', '活力xx·哪吒'],
  '001_57d06ec813a5cf50.txt': ['两个确立', '两个维护', '四项要求', '三个导向', '100周年', '“1234”', '“三十二条”', '七个有之', '五个必须', '十九届中央纪委五次全会'],
  '002_a41be418d54fa817.txt': ['区委X届X次、X次全会', '“X个一”', '“X+X”', '“三项清单”', '“五星支部”', '2021年'],
  '003_c2c44bd365bfd414.txt': ['第一种形态', '第二种形态', '第四卷', '2022年', '十三届全国人大五次会议', '***届区委'],
  '004_bda7739a96efcbec.txt': ['“15分钟就医服务圈”', '“15分钟阅读圈”', '区委X届X次全会', '(2019—2022年)', '四个意识', '2019年底', 'PM10、PM2.5', '“两降一升”', '“四管齐下”'],
};

describe('seed reports: metrics checked by hand', () => {
  const cases = Object.entries(SEED_METRICS).flatMap(([name, rows]) => rows.map((row) => [name, ...row] as const));

  it(`${cases.length} metrics`, () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });

  it.each(cases)('%s: …%s【%s】', (name, before, raw, expected) => {
    const text = readSeed(name);
    const metric = metricAfter(text, metricsOf(text), before, raw);
    expect(metric, `no metric at ${before}${raw}`).toBeDefined();
    expect(metric).toMatchObject({ raw, ...expected });
  });

  it.each(Object.entries(SEED_TRAPS))('%s: nothing measured inside the traps', (name, traps) => {
    const text = readSeed(name);
    const metrics = metricsOf(text);
    for (const trap of traps) {
      let at = text.indexOf(trap);
      expect(at, trap).toBeGreaterThanOrEqual(0);
      while (at >= 0) {
        const inside = metrics.filter((m) => m.offset < at + trap.length && m.offset + m.raw.length > at);
        expect(inside.map((m) => m.raw), trap).toEqual([]);
        at = text.indexOf(trap, at + 1);
      }
    }
  });

  it('each seed report: metrics are in order, inside their sentence, raw as written', () => {
    for (const name of Object.keys(SEED_METRICS)) {
      const text = readSeed(name);
      const metrics = metricsOf(text);
      expect(metrics.length).toBeGreaterThan(50);
      let previousEnd = 0;
      for (const metric of metrics) {
        expect(text.slice(metric.offset, metric.offset + metric.raw.length)).toBe(metric.raw);
        expect(metric.raw).toContain(metric.number.replace(/^第/, ''));
        expect(metric.offset).toBeGreaterThanOrEqual(previousEnd);
        expect(metric.offset).toBeGreaterThanOrEqual(metric.sentence.start);
        expect(metric.offset + metric.raw.length).toBeLessThanOrEqual(metric.sentence.end);
        previousEnd = metric.offset + metric.raw.length;
      }
    }
  });
});

// ------------------------------------------------------------------ the archive: GDP growth, target and actual

function report(year: string): string {
  for (const line of readFileSync(archivePath, 'utf8').split('\n')) {
    if (line === '') continue;
    const record = JSON.parse(line) as { year: string | null; content: string };
    if (record.year === year) return record.content;
  }
  throw new Error(`no report for ${year}`);
}

/**
 * Read in each report: the target for the year (`今年…主要预期目标是：国内生产总值增长…`)
 * and last year's growth in the review (`国内生产总值增长6.6%`). Five-year averages
 * (`年均增长`) are other metrics.
 */
const GDP: Array<[year: string, target: [number, number | null, string | null], actual: number]> = [
  ['2024', [5, null, '左右'], 5.2],
  ['2022', [5.5, null, '左右'], 8.1],
  ['2021', [6, null, '以上'], 2.3],
  ['2019', [6, 6.5, null], 6.6],
  ['2018', [6.5, null, '左右'], 6.9],
  ['2016', [6.5, 7, null], 6.9],
  ['2015', [7, null, '左右'], 7.4],
  ['2014', [7.5, null, '左右'], 7.7],
];

describe('archive: GDP growth in the national government work reports', () => {
  it.each(GDP)('%s: target %j, last year %d', (year, [low, high, qualifier], actual) => {
    const growth = metricsOf(report(year)).filter(
      (m) => m.subject === '国内生产总值' && /^(?:比上年)?增长$/.test(m.comparison ?? '') && m.unitKind === 'percent',
    );
    const targets = growth.filter((m) => m.stance === 'target');
    const actuals = growth.filter((m) => m.stance === 'actual');
    expect(targets.map((m) => [m.value, m.valueHigh, m.qualifier])).toEqual([[low, high, qualifier]]);
    expect(actuals.map((m) => m.value)).toEqual([actual]);
  });

  it('1998, digits spaced out by the scan: target 8 ％, last year 8 ．8 ％', () => {
    const metrics = metricsOf(report('1998'));
    const target = metrics.find((m) => m.raw === '8 ％' && m.subject === '经济增长速度');
    const actual = metrics.find((m) => m.raw === '8 ．8 ％' && m.comparison === '增长');
    expect(target).toMatchObject({ value: 8, stance: 'target' });
    expect(actual).toMatchObject({ value: 8.8, stance: 'actual', subject: '经济' });
  });

  it('2019: the review and the plan around the target', () => {
    const metrics = metricsOf(report('2019'));
    const after = (text: string) => metrics.find((m) => m.raw === text);
    expect(after('1100万人以上')).toMatchObject({ value: 11000000, unit: '人', qualifier: '以上', stance: 'target', predicate: '新增', subject: '就业' });
    expect(after('1000万以上')).toMatchObject({ value: 10000000, unit: '', comparison: '减少', stance: 'target', subject: '农村贫困人口' });
  });
});

// Units and number forms read on the six provincial development reports annotated blind on
// 2026-12-08, each checked on the other non-held-out reports and the national archive.
describe('units of the 2025 provincial reports', () => {
  it.each([
    ['上海港集装箱吞吐量达到5150.6万标准箱。', '5150.6万标准箱', 51506000, '标准箱'], // TEU (Shanghai)
    ['全省集装箱吞吐量达500万标箱。', '500万标箱', 5000000, '标箱'], // (Hainan, Zhejiang, Hubei)
    ['保障重大项目用能指标1600万吨标准煤。', '1600万吨标准煤', 16000000, '吨标准煤'], // one unit, not 吨 (Zhejiang)
    ['开行班列4000班次。', '4000班次', 4000, '班次'], // (Henan)
    ['12英寸碳化硅衬底实现量产。', '12英寸', 12, '英寸'], // (Shandong)
    ['海南长臂猿恢复至7群。', '7群', 7, '群'], // (Hainan)
    ['平板玻璃7600多万重量箱。', '7600多万重量箱', 76000000, '重量箱'], // (2016 national report)
  ])('%s → %s', (text, raw, value, unit) => {
    expect(one(text)).toMatchObject({ raw, value, unit });
  });

  it('medals count one unit each: 8金9银6铜 (Shandong, Hubei); 银行 and 群众 are words', () => {
    expect(metricsOf('勇夺8金9银6铜。').map((metric) => [metric.value, metric.unit])).toEqual([[8, '金'], [9, '银'], [6, '铜']]);
    expect(metricsOf('银行贷款余额增长，群众满意度提高。')).toEqual([]);
  });

  it('a 余/多 between multipliers: 4万多亿元, 1亿3千多万 (2016, 2018 national reports)', () => {
    expect(one('新增4万多亿元。')).toMatchObject({ raw: '4万多亿元', value: 4e12, unit: '元', qualifier: '多' });
    expect(one('出境旅游人次增加到1亿3千多万。')).toMatchObject({ raw: '1亿3千多万', value: 1.3e8, qualifier: '多' });
  });

  it('years counted by an extension or a bound: 再延长30年, 20年以上 (Henan, Shandong, Zhejiang); a date is none', () => {
    expect(one('第二轮土地承包到期后再延长30年试点。')).toMatchObject({ raw: '30年', value: 30, unit: '年' });
    expect(one('全面完成20年以上电梯更新。')).toMatchObject({ raw: '20年以上', value: 20, unit: '年', qualifier: '以上' });
    expect(metricsOf('2021年以来，工作扎实推进。')).toEqual([]);
  });
});

describe('units and shares of the second six development reports', () => {
  it.each([
    ['完成工业领域设备更新33.6万台套。', '33.6万台套', 336000, '台套'], // equipment sets, not 台 (Jiangsu)
    ['与共建国家缔结友城数量达148对。', '148对', 148, '对'], // pairs of sister cities (Jiangsu, Sichuan, Hunan)
    ['公园绿地共新增球类场地405片。', '405片', 405, '片'], // (Jiangsu)
    ['今年继续实施10大类55项民生实事。', '10大类', 10, '大类'], // (Hubei)
    ['食糖产量连续33个榨季排全国第一。', '33个榨季', 33, '个榨季'], // a unit cut short would be 33个 (Guangxi)
    ['时隔5年重回全国中游。', '5年', 5, '年'], // a span (Inner Mongolia, Yunnan)
  ])('%s → %s', (text, raw, value, unit) => {
    expect(metricsOf(text)[0]).toMatchObject({ raw, value, unit });
  });

  it('a share written as a fraction needs no unit: 1/3, 近1/6, 1/10以上 (Jiangsu; 2015 national report)', () => {
    expect(metricsOf('出口规模占全国1/3。实际使用外资规模占全国近1/6。新增就业占全国1/10以上，').map((metric) => [metric.raw, metric.value, metric.unit])).toEqual([
      ['1/3', 1 / 3, ''],
      ['近1/6', 1 / 6, ''],
      ['1/10以上', 0.1, ''],
    ]);
  });

  it('not a fraction: a date 2024/12/31, a ratio written larger first; 对 and 片 starting words are no units', () => {
    expect(metricsOf('截至2024/12/31，比例为3/2，对外开放，片区建设。')).toEqual([]);
  });
});

describe('round figures with 几 (the congress reports)', () => {
  it('十几亿人, 几千年, 几十万人: the lower bound, with 几 as the qualifier (19th Congress)', () => {
    expect(metricsOf('稳定解决了十几亿人的温饱问题，实现了中国从几千年封建专制政治向人民民主的伟大飞跃，几十万人受益。').map((metric) => [metric.raw, metric.value, metric.unit, metric.qualifier])).toEqual([
      ['十几亿人', 1e9, '人', '几'],
      ['几千年', 1000, '年', '几'],
      ['几十万人', 1e5, '人', '几'],
    ]);
  });
  it('数 reads like 几: 数十万人, 数千家; a blind reader of the congress reports counts both (eval/drafts/cpc-19.txt)', () => {
    expect(metricsOf('数十万人参与，数千家企业受益，几十个城市开放。').map((metric) => [metric.raw, metric.value, metric.qualifier])).toEqual([
      ['数十万人', 1e5, '数'],
      ['数千家', 1000, '数'],
      ['几十个', 10, '几'],
    ]);
  });
  it('几 without a magnitude counts nothing: 几个方面, 几乎', () => {
    expect(metricsOf('这几个方面几乎都做到了。')).toEqual([]);
  });
});
