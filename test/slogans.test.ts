/**
 * Numbered slogans (SPEC §4): what a reader of the seed reports finds, every trap of the
 * spec, and the dictionary's own consistency. The expected lists per seed were written by
 * reading the reports, not by running the detector.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { findSloganDetails, findSlogans } from '../src/extract/slogans.js';
import { judgeQuotedPhrase } from '../src/extract/quoted-phrases.js';
import { pairQuotes } from '../src/extract/quotes.js';
import { chineseCardinalValue } from '../src/extract/slogan-numerals.js';
import {
  loadSloganDictionary,
  parseSloganDictionary,
  compiledDocument,
  dictionaryHash,
  parseUserWords,
  segmenterUserWords,
  SloganDictionaryError,
} from '../src/extract/slogan-dictionary.js';
import type { SloganRecord } from '../src/extract/types.js';
import { archiveRecords, readFixture } from './helpers/fixtures.js';

/** Slogans of a whole report, paragraph by paragraph (one line is one paragraph here). */
function reportSlogans(text: string) {
  const slogans: SloganRecord[] = [];
  const warnings: ReturnType<typeof findSlogans>['warnings'] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    const found = findSlogans(line, offset);
    slogans.push(...found.slogans);
    warnings.push(...found.warnings);
    offset += line.length + 1;
  }
  return { slogans, warnings };
}

/** canonical → number of occurrences. */
function tally(slogans: readonly SloganRecord[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const slogan of slogans) counts[slogan.canonical] = (counts[slogan.canonical] ?? 0) + 1;
  return counts;
}

const canonicals = (text: string) => findSlogans(text, 0).slogans.map((slogan) => slogan.canonical);

describe('the seed reports: every numbered slogan a reader finds', () => {
  // Not slogans in these reports, on purpose: “一把手” (a plain term), “一根钢钎插到底” (an
  // idiomatic phrase), “一卡、一键、一中心、一平台” (13 characters), “举一反三” (an idiom),
  // 十九届六中全会 and 第一种形态 (ordinals), “xx分钟服务圈” (a measure), 三个小区 and
  // 五个工作版块 (counts of things), …等五个工作领导小组 (an open list). “新门前三包” is one:
  // a numeral after a short lead, like “新三样” (eval/annotations/seed-000.json).
  it('seed-000 (2021 district report on 全面从严治党)', () => {
    expect(tally(reportSlogans(readFixture('seed-000')).slogans)).toEqual({
      三个着力: 1,
      两个确立: 1,
      四个意识: 1,
      四个自信: 1,
      两个维护: 1,
      三重一大: 1,
      十大工程: 1,
      三级递进: 1,
      三个聚焦: 1,
      一府一委两院: 1,
      两委: 1,
      两新: 1,
      两个覆盖: 1,
      三网融合: 1,
      三床联动: 1,
      双减: 1,
      两谷两园两区: 1,
      十严禁: 1,
      三个环节: 1,
      四项任务: 1,
      中央八项规定: 1,
      三转: 1,
      四种形态: 1,
      新门前三包: 1,
    });
  });

  // 三级网络和两级责任制 (of religious work) is in the dictionary. Not: 一以贯之 (idiom), 市乡村三级 (a structure), 五一 (a
  // holiday), 九种监督方式 and 全省十大党建案例 (counts), 不敢腐、不能腐、不想腐一体推进 (no
  // numeral; 一体推进 is an idiom).
  it('seed-001 (2021 city report)', () => {
    expect(tally(reportSlogans(readFixture('seed-001')).slogans)).toEqual({
      两个确立: 1,
      两个维护: 1,
      五个必须: 1,
      七个有之: 1,
      两团: 1,
      三个五工程: 1,
      两团多队: 1,
      两委: 2,
      '1234': 1,
      三个导向: 1,
      四项要求: 1,
      两新: 3,
      三十条: 1,
      三十二条: 1,
      双报到: 1,
      一岗双责: 1,
      中央八项规定: 2,
      四风: 2,
      三资: 1,
      三级网络和两级责任制: 1,
    });
  });

  // Not: 严把三个节点 (its list follows, it does not precede), 十项措施 (inside a title),
  // X个专项整治工作方案 (a count), “X贤榜样”/“X党建计划” (name blanks), “一票否决” (a plain
  // term), 四级联系群众工作机制 and 十件实事 (unquoted counts).
  it('seed-002 (2021 district report to the city committee, a template)', () => {
    expect(tally(reportSlogans(readFixture('seed-002')).slogans)).toEqual({
      四个意识: 1,
      四个自信: 1,
      两个维护: 1,
      三项清单: 1,
      四个注重: 1,
      'X+X': 1,
      X个一: 1,
      三大行动: 1,
      四级联创四化并举: 1,
      五星支部: 1,
      四官服务进社区: 1,
      三社联动: 1,
      三去一改: 1,
      三会一课: 1,
      中央八项规定: 2,
      四种形态: 1,
      三单制: 1,
    });
  });

  // Not: “九星级” (a grade), “零距离”, “80后” “90后”, “一把手”, “千名专家服务基层”,
  // “百亩葡萄园”, 三镇两办 (a count), 第一种形态 … 第四种形态 (ordinals), 8项制度 after 等.
  it('seed-003 (2022 district work summary)', () => {
    expect(tally(reportSlogans(readFixture('seed-003')).slogans)).toEqual({
      一岗双责: 1,
      两会: 1,
      两委: 1,
      一村一项目: 1,
      一格一长一警一专多兼: 1,
      两新: 1,
      五问: 1,
      三引进一培养: 1,
      三重一大: 2,
      三会一课: 2,
      四风: 4,
      中央八项规定: 1,
      四种形态: 2,
      八进: 1,
      三个离不开: 1,
      五个认同: 1,
      六进: 1,
      五强: 1,
    });
  });

  // Not: “三二一”产业结构 (an ordering of industries), “15分钟就医服务圈”, “15分钟阅读圈”,
  // 整改完成率达到双百 (a rate), 四大板块 (unquoted count), 毫不动摇… (not 两个毫不动摇),
  // 第一、二、三、四种形态 (ordinals), 省、市两级 (a pair of levels).
  it('seed-004 (2019 report of a district standing committee)', () => {
    expect(tally(reportSlogans(readFixture('seed-004')).slogans)).toEqual({
      五位一体: 1,
      四个全面: 1,
      四个意识: 2,
      两个维护: 2,
      新发展理念: 2,
      两化: 1,
      三项建设: 1,
      双拥: 1,
      两委: 1,
      两降一升: 1,
      五大创建评选工作: 1,
      三会一课: 1,
      四个合格: 1,
      四讲四有: 1,
      两大功能: 1,
      两支队伍: 1,
      两个保障: 1,
      两个不平衡: 1,
      两个全覆盖: 1,
      五讲五不: 1,
      三个注重: 1,
      中央八项规定: 3,
      四管齐下: 1,
      四查四促: 1,
      六进: 1,
      四种形态: 1,
      三大问题: 1,
      六大纪律: 1,
    });
  });

  it('every record points at its text in the input, quotes excluded', () => {
    for (const name of ['seed-000', 'seed-001', 'seed-002', 'seed-003', 'seed-004']) {
      const input = readFixture(name);
      for (const slogan of reportSlogans(input).slogans) {
        expect(input.slice(slogan.offset, slogan.offset + slogan.length)).toBe(slogan.text);
        expect(slogan.text).not.toMatch(/^[“”"「」‘’]|[“”"「」‘’]$/);
      }
    }
  });

  it('the seeds warn only where a reader would: 六项纪律 is a variant of 六大纪律', () => {
    const all = ['seed-000', 'seed-001', 'seed-002', 'seed-003', 'seed-004'].flatMap(
      (name) => reportSlogans(readFixture(name)).warnings,
    );
    expect(all.map((warning) => [warning.rule, warning.message])).toEqual([
      ['slogan-variant', '“六项纪律” is a variant of the slogan “六大纪律”.'],
    ]);
  });

  it('records what it knows: counts, quoted, known', () => {
    const input = readFixture('seed-004');
    const records = reportSlogans(input).slogans;
    const find = (text: string) => records.find((slogan) => slogan.text === text);
    expect(find('四个意识')).toMatchObject({ canonical: '四个意识', count: 4, quoted: true, known: true });
    expect(find('新发展理念')).toMatchObject({ count: 5, quoted: false, known: true });
    expect(find('三项建设')).toMatchObject({ canonical: '三项建设', count: 3, quoted: true, known: false });
    expect(find('四查四促')).toMatchObject({ count: 8, known: false });
    expect(find('六项纪律')).toMatchObject({ canonical: '六大纪律', count: 6, known: true });
  });
});

describe('dictionary forms', () => {
  it('are found quoted, unquoted and inside longer quotes, every occurrence', () => {
    const { slogans } = findSlogans('坚持“三会一课”制度，做到两个维护，落实“坚决做到两个维护”要求，再说两个维护。', 0);
    expect(slogans.map((slogan) => [slogan.text, slogan.quoted])).toEqual([
      ['三会一课', true],
      ['两个维护', false],
      ['两个维护', true],
      ['两个维护', false],
    ]);
  });

  it('include the formulas of the national reports (eval/ development set)', () => {
    // 2022 report.
    expect(canonicals('我国经济发展面临需求收缩、供给冲击、预期转弱三重压力。')).toEqual(['三重压力']);
    expect(canonicals('要充分发挥中央和地方两个积极性，尊重人民群众首创精神')).toEqual(['两个积极性']);
    // 2011 report (with 、) and 2024 report (without).
    expect(canonicals('利用好国内国际两个市场、两种资源，统筹处理好国内发展和对外开放')).toEqual(['两个市场、两种资源']);
    expect(canonicals('增强国内国际两个市场两种资源联动效应')).toEqual(['两个市场、两种资源']);
    // 2016 report.
    expect(canonicals('工商登记前置审批精简85%，全面实施三证合一、一照一码。')).toEqual(['三证合一', '一照一码']);
    // Unquoted, 2022, 2025 reports.
    expect(canonicals('增强双创平台服务能力')).toEqual(['双创']);
    expect(canonicals('加快构建碳排放双控制度体系')).toEqual(['双控']);
    expect(canonicals('实现国内国际双循环在更高水平上相互促进')).toEqual(['双循环']);
  });

  it('are not read inside another word: 创新发展理念 is 创新 + 发展理念 (2013 report)', () => {
    expect(canonicals('尊重发展规律，创新发展理念，破解发展难题')).toEqual([]);
    expect(canonicals('完整、准确、全面贯彻新发展理念')).toEqual(['新发展理念']);
  });

  it('take the longest form first', () => {
    expect(canonicals('坚持一个中心两个基本点')).toEqual(['一个中心、两个基本点']);
    expect(canonicals('推进“两新一重”建设')).toEqual(['两新一重']);
    expect(canonicals('开展“五讲四美三热爱”活动')).toEqual(['五讲四美三热爱']);
    expect(canonicals('解决两不愁三保障问题')).toEqual(['两不愁三保障']);
    expect(canonicals('贯彻中央八项规定精神')).toEqual(['中央八项规定']);
  });

  it('map accepted forms and wrong forms to the canonical form; only a wrong form draws a slogan-variant warning', () => {
    const { slogans, warnings } = findSlogans('做到二个维护，增强4个意识，落实八项规定。', 100);
    expect(slogans.map((slogan) => [slogan.text, slogan.canonical, slogan.known])).toEqual([
      ['二个维护', '两个维护', true],
      ['4个意识', '四个意识', true],
      ['八项规定', '中央八项规定', true],
    ]);
    expect(warnings).toEqual([
      { rule: 'slogan-variant', message: '“二个维护” is a wrong form of the slogan “两个维护”.', offset: 102, source: 'gongwen' },
      { rule: 'slogan-variant', message: '“4个意识” is a wrong form of the slogan “四个意识”.', offset: 109, source: 'gongwen' },
    ]);
  });

  it('every canonical form, variant and wrong form of the dictionary is found as itself', () => {
    for (const form of loadSloganDictionary().forms) {
      const { slogans } = findSlogans(`落实“${form.text}”要求`, 0);
      expect(slogans, form.text).toHaveLength(1);
      expect(slogans[0]).toMatchObject({ canonical: form.entry.canonical, known: true, quoted: true, offset: 3 });
    }
  });

  it('are not matched inside ordinals, larger numbers or other words', () => {
    // 第一种形态 is an ordinal; 四种形态 inside 第四种形态 and 第一、二、三、四种形态 too.
    expect(canonicals('其中第一种形态xxx人，第四种形态处置***人次')).toEqual([]);
    expect(canonicals('运用监督执纪第一、二、三、四种形态处置人数')).toEqual([]);
    // 十四个坚持 is its own entry; 四个… must not match inside a larger numeral.
    expect(canonicals('“十个明确”、“十四个坚持”')).toEqual(['十个明确', '十四个坚持']);
    // 三资企业 (foreign-invested firms) is another word than the rural 三资.
    expect(canonicals('兴办三资企业，管好农村“三资”')).toEqual(['三资']);
  });

  // Class: a rank that ends its clause is no ordinal of what follows the comma (Ningxia, Jiangsu 2025).
  it('are matched after a rank that ends its clause: 全国第二，两化融合', () => {
    expect(canonicals('电信业务收入增速全国第二，两化融合发展水平西北第一')).toEqual(['两化融合']);
  });
});

describe('quoted phrases the dictionary does not know', () => {
  it('are slogans when they start with a numeral and are at most 12 characters', () => {
    const { slogans } = findSlogans('召开“十大工程”动员部署大会，实施“三床联动”，“一二三四五六七八九十两”', 0);
    expect(slogans.map((slogan) => [slogan.text, slogan.count, slogan.known, slogan.quoted])).toEqual([
      ['十大工程', 10, false, true],
      ['三床联动', 3, false, true],
    ]);
  });

  it('are not slogans when they are measures or plain terms (SPEC §4)', () => {
    expect(canonicals('对“一把手”、“80后”、“15分钟就医服务圈”、“百亩葡萄园”、“一根钢钎插到底”')).toEqual([]);
  });

  // The rules behind the exceptions, each with the report quirk it exists for.
  it.each([
    ['一把手', 'a plain term with 一'], // 一 means "single"; it counts nothing
    ['一肩挑', 'a plain term with 一'],
    ['一票否决', 'a plain term with 一'],
    ['一以贯之', 'a plain term with 一'],
    ['一根钢钎插到底', 'a plain term with 一'], // a long idiomatic phrase
    ['一号文件', 'a plain term with 一'],
    ['三年行动计划', 'a measure'], // a numeral + measure word counts things or time
    ['百亩葡萄园', 'a measure'],
    ['千名专家服务基层', 'a measure'],
    ['九星级', 'a measure'], // a grade
    ['十九届六中全会', 'a measure'],
    ['80后', 'a quantity, year or code'], // a generation
    ['15分钟就医服务圈', 'a quantity, year or code'],
    ['５G', 'a quantity, year or code'],
    ['863', 'a quantity, year or code'],
    ['９７中国旅游年', 'a quantity, year or code'],
    ['十四五', 'a bare number'], // the 14th five-year plan: an ordinal
    ['十五', 'a bare number'],
    ['九二共识', 'an ordinal or date code'], // 1992
    ['五四运动', 'an ordinal or date code'], // May 4th
    ['三二一', 'a bare number'], // an ordering of industries
    ['十九大', 'a congress ordinal'],
    ['零距离', 'zero'],
    ['十二连增', 'a streak'], // twelve years of growth in a row
    ['三番五次', 'an idiom'],
    ['双管齐下', 'an idiom'],
    ['双赢', 'a plain word'],
    ['两难', 'a plain word'],
    ['一穷二白', 'an ordinal enumeration'], // 一 … 二 counts nothing
    ['一要吃饭，二要建设', 'a sentence'],
    ['四清四不清的矛盾', 'a descriptive phrase'],
    ['单一窗口', 'does not start with a numeral'], // 一 after a lead counts nothing
    ['只进一扇门', 'does not start with a numeral'],
    ['嫦娥六号', 'the numeral inside counts nothing'], // a probe's ordinal (2025 report)
    ['最后一公里', 'does not start with a numeral'],
    ['长三角', 'a numeral inside a word'], // a place
    ['约法三章', 'an idiom'], // quoted in the 2014–2018 reports
  ])('“%s” is not a slogan: %s', (phrase, reason) => {
    expect(judgeQuotedPhrase(phrase)).toEqual({ kind: 'not-a-slogan', reason });
  });

  // A numeral after a short lead (2024 report, seed-000): judged from the numeral on.
  it.each([
    ['新三样', 3], // 电动汽车、锂电池、光伏产品“新三样”
    ['平急两用', 2],
    ['碳达峰十大行动', 10],
    ['新门前三包', 3],
  ])('“%s” is a slogan counting %s', (phrase, count) => {
    expect(judgeQuotedPhrase(phrase)).toEqual({ kind: 'slogan', count });
  });

  // How an unknown slogan is counted.
  it.each([
    ['三项建设', 3], // one numeral: its value
    ['三十条', 30],
    ['双报到', 2], // 双 is 2
    ['三个五工程', 3], // a numeral + 个 heads the name; 五工程 is the item
    ['两降一升', 3], // compound names add up: 2 + 1
    ['两谷两园两区', 6],
    ['三证合一', 3], // 合一 ("made one") is no numeral
    ['八个坚持、八个反对', 16],
    ['一格一长一警一专多兼', null], // one per grid: a distribution, not a count
    ['千村示范、万村整治', null], // magnitudes
    ['1234', null], // a 1-2-3-4 approach: digits counting up name parts
    ['五星支部', 5],
  ])('“%s” counts %s', (phrase, count) => {
    expect(judgeQuotedPhrase(phrase)).toEqual({ kind: 'slogan', count });
  });

  it('templates with a blank numeral are slogans without a count: “X+X”方案, “X个一”工作方案', () => {
    const { slogans } = findSlogans('制定完善“X+X”方案、“X个一”工作方案、X个专项整治工作方案，评选“X贤榜样”', 0);
    expect(slogans.map((slogan) => [slogan.text, slogan.count, slogan.known])).toEqual([
      ['X+X', null, false],
      ['X个一', null, false],
    ]);
    expect(findSloganDetails('“X+X”方案', 0).slogans[0]?.origin).toBe('template');
  });

  it('are longer than 12 characters: not slogans', () => {
    expect(canonicals('全面落实“一卡、一键、一中心、一平台”')).toEqual([]); // one card, one key: a lone 一 counts nothing
    expect(canonicals('举办“2021第三届活力xx·哪吒体育嘉年华”')).toEqual([]);
    expect(judgeQuotedPhrase('四个现代化之日，就是资本主义复辟之时')).toEqual({ kind: 'not-a-slogan', reason: 'a sentence' }); // 1979 report
  });

  // Class: a layout of short parts joined by 、, longer than 12 characters, at least two parts
  // counting (Jiangxi 2025; checked on Shandong and Sichuan, where the same shape names layouts).
  it.each([
    ['一主一副、两翼联动、多点支撑', '的区域发展格局'],
    ['两圈联动、三核引领、陆海统筹、全面发力', '发展格局'],
    ['百片引领、千村带动、万村补短', '行动'],
  ])('a quoted layout “%s” is one slogan', (phrase, after) => {
    expect(canonicals(`加快构建“${phrase}”${after}`)).toEqual([phrase]);
  });

  // Class: a campaign led by N大, up to 16 characters (Jiangxi 2025).
  it('a quoted campaign led by N大 is a slogan up to 16 characters: “八大标志性战役30个专项行动”', () => {
    expect(judgeQuotedPhrase('八大标志性战役30个专项行动')).toEqual({ kind: 'slogan', count: 8 });
  });

  // Class: numeral + one character + a program noun (Jiangxi `“四名工程”`), numeral + magnitude +
  // a program noun (Hunan `“五千工程”`), N件套 (Ningxia `“三件套”`); a span of time is no name.
  it.each([
    ['四名工程', 4],
    ['五千工程', 5],
    ['三件套', 3],
  ])('“%s” is a slogan counting %s', (phrase, count) => {
    expect(judgeQuotedPhrase(phrase)).toEqual({ kind: 'slogan', count });
  });
  it.each([
    ['三年行动', 'a measure'],
    ['五千亩', 'a measure'],
    ['五千名专家', 'a measure'],
  ])('“%s” is not a slogan: %s', (phrase, reason) => {
    expect(judgeQuotedPhrase(phrase)).toEqual({ kind: 'not-a-slogan', reason });
  });
});

describe('messy quotes', () => {
  it('a quote may close with the wrong kind: “三项建设"', () => {
    const text = '扎实开展统战工作“三项建设"，支持民主党派';
    const { slogans } = findSlogans(text, 0);
    expect(slogans).toEqual([{ text: '三项建设', canonical: '三项建设', count: 3, quoted: true, known: false, numbered: true, offset: 9, length: 4, english: null }]);
  });

  it('「」, ‘’, "" and a closing quote used as an opening one are quotes too', () => {
    const { slogans } = findSlogans('「两委」换届，做到‘两个维护’，"三床联动"，实现了”四个注重”要求', 0);
    expect(slogans.map((slogan) => [slogan.text, slogan.quoted])).toEqual([
      ['两委', true],
      ['两个维护', true],
      ['三床联动', true],
      ['四个注重', true],
    ]);
  });

  it('an unclosed quote does not swallow the rest of the paragraph', () => {
    const text = '落实“三项建设整改机制，查摆问题xx个，推动“双拥”工作，开展“六进”活动';
    const { slogans } = findSlogans(text, 0);
    expect(slogans.map((slogan) => [slogan.text, slogan.quoted])).toEqual([
      ['双拥', true],
      ['六进', true],
    ]);
    // The unclosed quote is unquoted text: a dictionary form right after it is found unquoted.
    expect(findSlogans('做到“两个维护，坚定理想信念，推动工作落实落细落小，确保取得实效，再创佳绩', 0).slogans).toMatchObject([
      { text: '两个维护', quoted: false },
    ]);
  });

  it('a quote ends at the next opening quote or line break, or 40 characters on', () => {
    expect(pairQuotes('“三会“双拥”')).toEqual([{ open: 3, close: 6, contentStart: 4, contentEnd: 6 }]);
    expect(pairQuotes('“三会\n一课”')).toEqual([]);
    expect(pairQuotes(`“${'字'.repeat(41)}”`)).toEqual([]);
  });
});

describe('list summaries', () => {
  it('公平、公开、公正、公认四项要求 is a slogan with its count and members', () => {
    const text = '认真落实公平、公开、公正、公认四项要求，使想干事的干部有用武之地';
    const { slogans, warnings } = findSloganDetails(text, 50);
    expect(slogans).toMatchObject([
      { text: '四项要求', canonical: '四项要求', count: 4, quoted: false, known: false, offset: 65, length: 4 },
    ]);
    expect(slogans[0]?.members).toEqual(['公平', '公开', '公正', '公认']);
    expect(warnings).toEqual([]);
  });

  it('warns slogan-count-mismatch when the stated count is not the list length', () => {
    const { slogans, warnings } = findSlogans('认真落实公平、公开、公正、公认三项要求', 0);
    expect(slogans).toMatchObject([{ text: '三项要求', count: 3 }]);
    expect(warnings).toEqual([
      {
        rule: 'slogan-count-mismatch',
        message: '“三项要求” says 3 but sums up 4 items (公平、公开、公正、公认).',
        offset: 15,
        source: 'gongwen',
      },
    ]);
  });

  it('accepts a quoted list, a 和 before the last item and 这 before the numeral', () => {
    expect(findSloganDetails('抓好“学习教育、查纠整改、总结提升”三个环节', 0).slogans[0]?.members).toEqual([
      '学习教育',
      '查纠整改',
      '总结提升',
    ]);
    expect(findSloganDetails('开展阶级斗争、生产斗争和科学实验三大革命运动', 0).slogans[0]?.members).toEqual([
      '阶级斗争',
      '生产斗争',
      '科学实验',
    ]);
    expect(findSloganDetails('在政治、经济、思想和组织这四个方面进行清理', 0).slogans).toMatchObject([{ text: '四个方面', count: 4 }]);
  });

  it('N个字 counts characters: “巩固、增强、提升、畅通”八个字', () => {
    const { slogans, warnings } = findSlogans('在“巩固、增强、提升、畅通”八个字上下功夫', 0);
    expect(slogans).toMatchObject([{ text: '八个字', count: 8 }]);
    expect(warnings).toEqual([]);
  });

  it('are not: open lists (等), pairs, counts of things, qualified nouns (的), ordinals', () => {
    // …等五个: an open list of real things.
    expect(canonicals('成立工业强市、农业特市、旅游热市、生态美市、健康名市等五个工作领导小组')).toEqual([]);
    // A pair of things or levels.
    expect(canonicals('获得省、市两级的肯定')).toEqual([]);
    expect(canonicals('支持香港、澳门两个特别行政区发展经济')).toEqual([]);
    // A concrete noun counts things: 基地, 经济特区.
    expect(canonicals('重要的有鞍山、武汉、包头三大钢铁工业基地')).toEqual([]);
    // The list qualifies another noun.
    expect(canonicals('出台进一步扩大内需、促进经济平稳较快增长的十项措施')).toEqual([]);
    // Numbers: 2133个县 is not 33个.
    expect(canonicals('已有25个省（自治区、直辖市）、2133个县（市、区）')).toEqual([]);
  });
});

describe('not slogans (SPEC §4)', () => {
  it.each([
    ['ordinals', '其中第一种形态xxx人'],
    ['congress sessions', '学习贯彻党的十九届六中全会精神，迎接党的二十大'],
    ['years and anniversaries', '2021年庆祝中国共产党成立100周年'],
    ['counts of things', '完成三个小区改造，建立五个工作版块'],
    ['idioms', '一以贯之落实责任，举一反三整改，三番五次强调，一体推进不敢腐、不能腐、不想腐'],
    ['measures in quotes', '打造“15分钟阅读圈”，建设“百亩葡萄园”'],
  ])('%s', (_label, text) => {
    expect(findSlogans(text, 0)).toEqual({ slogans: [], warnings: [] });
  });
});

describe('numerals', () => {
  it('reads Chinese cardinals and refuses codes', () => {
    expect(['三', '十', '十二', '二十', '三十二', '一百五十六', '两万', '一百零五'].map(chineseCardinalValue)).toEqual([
      3, 10, 12, 20, 32, 156, 20000, 105,
    ]);
    expect(['十四五', '九五', '五四', '七一', '三二一', '十十'].map(chineseCardinalValue)).toEqual([null, null, null, null, null, null]);
  });
});

describe('offsets and robustness', () => {
  it('records and warnings carry absolute offsets (UTF-16 units)', () => {
    const { slogans } = findSlogans('𠀀做到“两个维护”', 1000);
    // 𠀀 is two UTF-16 units.
    expect(slogans).toMatchObject([{ offset: 1005, length: 4, text: '两个维护' }]);
  });

  it('never throws and every record points at its text, on any mix of quotes and numerals', () => {
    const pieces = ['两个维护', '四项要求', '公平', '、', '“', '”', '"', '「', '」', '三', '个', '十', '一', '第', 'X', '+', '2', '，', '\n', '的', '等', '字'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 60 }), fc.nat(10_000), (parts, offset) => {
        const text = parts.join('');
        const { slogans, warnings } = findSlogans(text, offset);
        for (const slogan of slogans) {
          expect(text.slice(slogan.offset - offset, slogan.offset - offset + slogan.length)).toBe(slogan.text);
        }
        for (const warning of warnings) expect(warning.offset).toBeGreaterThanOrEqual(offset);
      }),
    );
  });

  it('is fast: one pass per paragraph with the structures built once (≥ 1 MB in well under 3 s)', () => {
    const paragraphs = ['seed-000', 'seed-001', 'seed-002', 'seed-003', 'seed-004'].flatMap((name) => readFixture(name).split('\n'));
    findSlogans('预热', 0);
    let characters = 0;
    const started = performance.now();
    while (characters < 1_000_000) {
      for (const paragraph of paragraphs) {
        findSlogans(paragraph, 0);
        characters += paragraph.length;
      }
    }
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it('the national archive raises no count-mismatch warning (no false alarms)', () => {
    const mismatches = archiveRecords().flatMap((record) =>
      reportSlogans(record.content).warnings.filter((warning) => warning.rule === 'slogan-count-mismatch'),
    );
    expect(mismatches).toEqual([]);
  });
});

describe('the dictionary (dicts/slogans.yaml)', () => {
  const dictionary = loadSloganDictionary();

  it('has at least 80 entries, each with a source, and no duplicate canonical form', () => {
    expect(dictionary.entries.length).toBeGreaterThanOrEqual(80);
    for (const entry of dictionary.entries) expect(entry.sources.length, entry.canonical).toBeGreaterThan(0);
    const names = dictionary.entries.map((entry) => entry.canonical);
    expect(new Set(names).size).toBe(names.length);
  });

  it('holds the slogans the brief and SPEC §4 name', () => {
    const required = [
      '两个维护', '两个确立', '四个意识', '四个自信', '三个自信', '五位一体', '四个全面', '两个一百年', '四个伟大',
      '中央八项规定', '四风', '三严三实', '两学一做', '四种形态', '六大纪律', '三会一课', '新发展理念', '三新',
      '三大攻坚战', '六稳', '六保', '三去一降一补', '四项基本原则', '一个中心、两个基本点', '三个代表', '三个务必',
      '两个结合', '两不愁三保障', '两个毫不动摇', '两个责任', '三重一大', '一岗双责', '两个大局', '三个着力',
      '三级递进', '三个聚焦', '三转', '两新', '两委', '双减', '一府一委两院', '四讲四有', '一村一项目',
    ];
    for (const name of required) expect(dictionary.byCanonical.has(name), name).toBe(true);
    expect(canonicals('落实八项规定')).toEqual(['中央八项规定']);
  });

  it('counts match the numeral of every simple N个X slogan', () => {
    const simple = /^([一二三四五六七八九十两]+)个[^一二三四五六七八九十两]+$/;
    let checked = 0;
    for (const entry of dictionary.entries) {
      const numeral = simple.exec(entry.canonical)?.[1];
      if (numeral === undefined) continue;
      expect(entry.count, entry.canonical).toBe(chineseCardinalValue(numeral));
      checked += 1;
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('counts the listed members, wherever members are listed', () => {
    for (const entry of dictionary.entries) {
      if (entry.members.length > 0) expect(entry.count, entry.canonical).toBe(entry.members.length);
    }
  });

  it('supports members and years with a source (facts: members / year)', () => {
    for (const entry of dictionary.entries) {
      const facts = new Set(entry.sources.flatMap((source) => source.facts));
      if (entry.members.length > 0) expect(facts.has('members'), entry.canonical).toBe(true);
      if (entry.year !== null) expect(facts.has('year'), entry.canonical).toBe(true);
      for (const rendering of entry.english) expect(rendering.sources.length, rendering.text).toBeGreaterThan(0);
    }
  });

  it('throws an error naming the entry when the YAML is malformed', () => {
    const entry = (count: string) => `- canonical: 两个维护\n  count: ${count}\n  year: null\n  sources: [{ ref: x, facts: [usage] }]\n`;
    expect(() => parseSloganDictionary(entry('2'), 'test.yaml')).not.toThrow();
    expect(() => parseSloganDictionary(entry('two'), 'test.yaml')).toThrow(
      /test\.yaml, entry 1 \(两个维护\): "count" must be a positive integer or null/,
    );
    expect(() => parseSloganDictionary('- canonical: 两个维护\n  count: 2\n  year: null\n', 'test.yaml')).toThrow(
      /entry 1 \(两个维护\): every entry needs at least one source/,
    );
    expect(() => parseSloganDictionary(entry('2') + entry('2'), 'test.yaml')).toThrow(/entry 2 \(两个维护\): duplicate canonical form/);
    expect(() => parseSloganDictionary(`${entry('2')}  colour: red\n`, 'test.yaml')).toThrow(/unknown field "colour"/);
    expect(() => parseSloganDictionary('canonical: [', 'test.yaml')).toThrow(SloganDictionaryError);
  });
});

describe('segmenter user words', () => {
  it('hold every slogan form and the words of dicts/words.txt', () => {
    const words = segmenterUserWords();
    for (const word of ['两个维护', '区委常委会', '纪委监委', '主体责任', '二个维护', '八项规定', '一个中心两个基本点']) {
      expect(words, word).toContain(word);
    }
    expect(words.some((word) => word.includes('、'))).toBe(false);
    expect(new Set(words).size).toBe(words.length);
  });

  it('dicts/words.txt: one word per line, comments after #, at least 40 words', () => {
    expect(parseUserWords('# note\n区委常委会   # 区委|常委会\n\n党工委\n')).toEqual(['区委常委会', '党工委']);
    expect(() => parseUserWords('两 个\n', 'words.txt')).toThrow(/words\.txt, line 1/);
    const fromFile = segmenterUserWords().filter((word) => !loadSloganDictionary().forms.some((form) => form.text === word));
    expect(fromFile.length).toBeGreaterThanOrEqual(40);
  });
});

// Classes read on the six provincial development reports annotated blind on 2026-12-08 (Anhui,
// Shanghai, Hainan, Shandong, Henan, Zhejiang), each checked on the other non-held-out reports.
describe('classes of the 2025 provincial reports', () => {
  it('a footnote mark closing a quote is no part of the name: “五张清单［3］” (Hainan)', () => {
    const { slogans } = findSlogans('聚焦投资扩容，“五张清单［3］”项目库滚动实施', 0);
    expect(slogans.map((slogan) => [slogan.text, slogan.offset, slogan.count])).toEqual([['五张清单', 8, 5]]);
  });

  it('N大 + a qualifier + 产业 is a named set; N大…产业链 is a count of chains', () => {
    expect(canonicals('集成电路、生物医药、人工智能三大先导产业规模达到1.8万亿元')).toEqual(['三大先导产业']);
    expect(canonicals('聚焦十大新兴产业和未来产业')).toEqual(['十大新兴产业']);
    expect(canonicals('做强10大重点农业产业链')).toEqual([]);
    // a longer program noun still wins: 三大产业转型攻坚战 (Hubei)
    expect(canonicals('汽车、钢铁、化工三大产业转型攻坚战')).toEqual(['三大产业转型攻坚战']);
  });

  it.each([
    ['一本三基四梁八柱', 16], // every numeral heads one character (Hainan)
    ['万人助万企', null], // paired magnitudes, though 人 looks like a measure (Henan)
    ['千项万亿', null], // (Zhejiang)
    ['一人一档', null], // 一X一Y with X a measure word: one file per person
    ['三所联动', 3], // counted institutions acting together (Shanghai)
  ])('numeral structures: “%s” is a slogan counting %s', (phrase, count) => {
    expect(judgeQuotedPhrase(phrase)).toEqual({ kind: 'slogan', count });
  });

  it.each([
    ['一次挂号管三天', 'a measure'], // a description with a span of time
    ['一线放开、二线管住', 'an ordinal enumeration'],
    ['第二立面', 'an ordinal'], // 外滩“第二立面” (Shanghai)
    ['第三极', 'an ordinal'],
    ['全国十大考古新发现', 'a selection'], // a ranking (Anhui, Hubei)
    ['六尺巷工作法', 'a measure'], // a lane six chi wide (Anhui)
    ['百分之百', 'a plain word'],
    ['四季河南', 'a plain word'], // the four seasons (Henan)
    ['二线口岸', 'a plain word'], // the second customs line (Hainan)
  ])('“%s” is not a slogan: %s', (phrase, reason) => {
    expect(judgeQuotedPhrase(phrase)).toEqual({ kind: 'not-a-slogan', reason });
  });

  it('a quoted digit code names the program after a short qualifier; a hotline number is none', () => {
    expect(canonicals('加快培育“415X”先进制造业集群，深化“315”科技创新体系建设')).toEqual(['415X', '315']);
    expect(canonicals('实施一流学科建设“811”项目')).toEqual(['811']);
    expect(canonicals('“12345”市民热线等机制')).toEqual([]);
    expect(canonicals('“2030”愿景')).toEqual([]);
  });

  // Class: a quoted policy named by the count of its measures (Shandong, Shanghai, Hunan, Guangdong).
  it.each([
    ['科技金融15条', 15],
    ['要素政策赋能清单16条', 16],
    ['科创板八条', 8],
    ['二十条', 20],
  ])('a policy named by its measures: “%s” counts %s', (phrase, count) => {
    expect(judgeQuotedPhrase(phrase)).toEqual({ kind: 'slogan', count });
  });

  it('a count after a list with 重点 before its noun is a count of things: 建材4个重点行业 (Henan)', () => {
    expect(canonicals('推进钢铁、有色、化工、建材4个重点行业绿色化改造')).toEqual([]);
  });

  it.each([
    ['四川造', 'a plain word'], // a place whose name starts with a numeral (Sichuan)
    ['一对一', 'an idiom'], // “一对一”就业帮扶; but “一对一园一策” is a formula (Yunnan)
    ['1个总体方案', 'a quantity, year or code'], // one of a thing counts nothing
  ])('“%s” is not a slogan: %s', (phrase, reason) => {
    expect(judgeQuotedPhrase(phrase)).toEqual({ kind: 'not-a-slogan', reason });
  });

  it('a list summary whose noun is part of a longer word is a count: 四个关键, 3个国家级战略性…', () => {
    expect(canonicals('守住重预防、强基础、严监管、提能力四个关键，深化安全生产')).toEqual([]);
    expect(canonicals('轨道交通装备、节能环保3个国家级战略性新兴产业集群')).toEqual([]);
    // 字 still sums up the characters of a quoted list (2019 national report)
    expect(canonicals('在“巩固、增强、提升、畅通”八个字上下功夫')).toEqual(['八个字']);
  });

  it('named sets of regions and campaigns: 三大都市圈, 四大都市区, 五大片区, 十大改革攻坚, 十大数据中心集群; after a glossary’s 1.', () => {
    expect(canonicals('着力提升三大都市圈能级，增强四大都市区辐射带动作用，支持五大片区差异发展')).toEqual(['三大都市圈', '四大都市区', '五大片区']);
    expect(canonicals('经济领域十大改革攻坚，国家十大数据中心集群之一')).toEqual(['十大改革攻坚', '十大数据中心集群']);
    expect(canonicals('名词解释\n1.六大优势产业：电子信息、装备制造')).toEqual(['六大优势产业']);
    expect(canonicals('增长2.3大幅提升')).toEqual([]); // a decimal, not a set
  });

  it('formulas added to the dictionary: 八八战略, 两业融合, 五个一工程 (also before 奖 inside the quotes)', () => {
    expect(canonicals('忠实践行“八八战略”，培育两业融合标杆单位，12部作品获“五个一工程奖”')).toEqual(['八八战略', '两业融合', '五个一工程']);
    expect(canonicals('农村实现5G网络、四好农村路“四个全覆盖”')).toEqual(['四好农村路', '四个全覆盖']);
  });
});

describe('the build’s JSON copy of the dictionary (dist/dicts/slogans.json)', () => {
  const yamlText = readFileSync(new URL('../dicts/slogans.yaml', import.meta.url), 'utf8');

  it('is written by npm run build from the YAML as it is now', () => {
    const jsonText = readFileSync(new URL('../dist/dicts/slogans.json', import.meta.url), 'utf8');
    const document = compiledDocument(jsonText, dictionaryHash(yamlText));
    expect(Array.isArray(document)).toBe(true);
    expect((document as Array<{ canonical: string }>).map((entry) => entry.canonical)).toEqual(loadSloganDictionary().entries.map((entry) => entry.canonical));
  });

  it('is ignored when the YAML changed since the build, or when it is damaged', () => {
    const copy = JSON.stringify({ sha256: dictionaryHash(yamlText), document: [] });
    expect(compiledDocument(copy, dictionaryHash(`${yamlText}\n# an edit\n`))).toBeUndefined();
    expect(compiledDocument(copy.slice(0, 20), dictionaryHash(yamlText))).toBeUndefined();
    expect(compiledDocument(copy, dictionaryHash(yamlText))).toEqual([]);
  });
});
