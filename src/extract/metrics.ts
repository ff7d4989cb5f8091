/**
 * Metrics (SPEC §6): quantities stated as facts — a number, a unit, and what
 * it counts. `召开区委常委会会议7次`, `查处…问题xx起xx人` (two metrics),
 * `国内生产总值增长6%－6.5%`, `近x亿元`, `居全市第x位`.
 *
 * One pass per paragraph: `scanNumbers` finds every number literal, then each
 * literal is kept or dropped by the rules below, read off its neighbours.
 * Dropped: dates (`2021年`, `3月5日`), ordinals (`第xx次党代会`,
 * `十九届六中全会`), numbers in names, quotes and slogans (`“15分钟阅读圈”`,
 * `两个维护`, `十四五`), section markers (`1.`), `一是`.
 */
import type { MetricRecord, Qualifier, Stance, UnitKind } from './types.js';
import { MEASURE_WORD_SOURCE, measureWordKind, scanBareMagnitudes, scanNumbers, UNIT_EXTENSION_SOURCE } from './numbers.js';
import type { NumberLiteral } from './numbers.js';
import { indicatorOf } from './indicators.js';
import { charCodeTable, endsClauseAt, HAN, isHan, MARK_PAIRS } from '../text/characters.js';
import { lastIndexAtOrBefore, rangeAt } from '../text/search.js';
import type { SectionRole } from '../tree/types.js';

/** A [start, end) range of absolute offsets into the caller's input. */
export interface OffsetRange {
  start: number;
  end: number;
}

export interface MetricContext {
  /** Role of the section holding the paragraph; `plans` makes every metric a target. */
  sectionRole?: SectionRole;
  /** Absolute spans (slogans, quoted names) whose numbers are not metrics. */
  exclude?: readonly OffsetRange[];
  /** The paragraph before announced targets (see announcesTargets): every metric here is a target. */
  targetsAnnounced?: boolean;
  /**
   * The whole input the paragraph is part of: an indicator's name may sit in the line before
   * when a scan broke a figure across lines (`国内生产总值达到74.4⏎​⏎万亿元，增长6.7%`).
   */
  input?: string;
}

/**
 * A paragraph ending in `主要预期目标是：` announces targets in the paragraphs
 * after it (the 2010–2012 政府工作报告 list them one per paragraph).
 */
export function announcesTargets(paragraph: string): boolean {
  // `\s` (U+3000 is in it), not SPACE_RUN: zero-width characters after the colon were never skipped.
  return /(?:预期目标|主要目标|目标任务|目标)(?:是|为)?[：:]\s*$/.test(paragraph);
}

/**
 * The metrics of one paragraph.
 *
 * @param paragraph the paragraph as it is in the original input
 * @param paragraphStart absolute offset of `paragraph` in the input
 * @param sentences the paragraph's sentences, absolute [start, end) ranges
 * @param context section role and spans to leave alone
 */
export function findMetrics(
  paragraph: string,
  paragraphStart: number,
  sentences: readonly OffsetRange[],
  context: MetricContext = {},
): MetricRecord[] {
  const literals = scanNumbers(paragraph);
  // Most paragraphs hold no number at all, or only an article 一 (`进一步`): the shielded
  // spans are only looked for once a literal may be a metric.
  let shielded: Array<[number, number]> | null = null;
  const drafts: MetricDraft[] = [];
  for (let i = 0; i < literals.length; i++) {
    const literal = literals[i]!;
    if (!mayBeMetric(literal)) continue;
    shielded ??= shieldedSpans(paragraph, paragraphStart, context.exclude ?? []);
    if (isInside(shielded, literal.start)) continue;
    const draft = readMetric(paragraph, literal, literals[i + 1]);
    if (draft !== null) drafts.push(draft);
  }
  for (const literal of scanBareMagnitudes(paragraph)) {
    if (literals.some((other) => other.start < literal.end && literal.start < other.end)) continue;
    shielded ??= shieldedSpans(paragraph, paragraphStart, context.exclude ?? []);
    if (isInside(shielded, literal.start)) continue;
    const draft = readMetric(paragraph, literal, undefined);
    // Only with a qualifier (`超千列`, `近亿元`, `万名以上`, `百余个`) or a verb of reaching (`突破百亿元`):
    // `千家万户`, `百家争鸣` have a measure word after a magnitude too.
    if (draft === null || draft.unitKind === 'time') continue;
    if (draft.qualifier !== null || /(?:突破|达到|达|超过|增至|提高到|过)$/.test(paragraph.slice(Math.max(0, literal.start - 4), literal.start))) drafts.push(draft);
  }
  if (drafts.length === 0) return [];
  drafts.sort((a, b) => a.rawStart - b.rawStart);
  describe(paragraph, drafts);
  // Stances: in a `plans` section every metric is a target, and nothing is read off the text.
  const allTargets = context.sectionRole === 'plans' || context.targetsAnnounced === true || TARGET_PARAGRAPH_LEAD.test(firstSentence(paragraph));
  const targetAnnounced = allTargets ? null : targetAnnouncements(paragraph);
  return drafts.map((draft): MetricRecord => {
    const offset = paragraphStart + draft.rawStart;
    const stance: Stance =
      targetAnnounced !== null ? stanceOf(paragraph, draft, targetAnnounced)
      : reviewsPastYear(paragraph, draft.rawStart) ? 'actual'
      : 'target';
    const reading = { placeholder: draft.literal.placeholder, value: draft.literal.value, unit: draft.unit, unitKind: draft.unitKind, offset };
    const indicator = context.input === undefined ? indicatorOf(paragraph, paragraphStart, reading) : indicatorOf(context.input, 0, reading);
    // One object per metric, fields in the JSON's order (long paragraphs hold hundreds of thousands).
    return {
      raw: paragraph.slice(draft.rawStart, draft.rawEnd),
      number: draft.literal.raw,
      value: draft.literal.value,
      valueHigh: draft.literal.valueHigh,
      unit: draft.unit,
      unitKind: draft.unitKind,
      qualifier: draft.qualifier,
      comparison: draft.comparison,
      predicate: draft.predicate,
      subject: draft.subject,
      stance,
      indicator,
      placeholder: draft.literal.placeholder,
      offset,
      sentence: sentenceAt(sentences, offset, paragraphStart, paragraph.length),
    };
  });
}

/** The fields of a record that are read off the text around the number (the rest come from the literal). */
type MetricWording = Pick<MetricRecord, 'unit' | 'unitKind' | 'qualifier' | 'comparison' | 'predicate' | 'subject'>;

/** A metric while it is being read; positions relative to the paragraph. */
interface MetricDraft extends MetricWording {
  literal: NumberLiteral;
  rawStart: number;
  rawEnd: number;
  /** A rank (`居全市第x位`): its subject is what is ranked, read differently. */
  isRank: boolean;
}

// ------------------------------------------------------------------ is it a metric?

/** After a number: 余/多, a measure word, then 以上/左右…: `20余次`, `1100万人以上`, `30多年`. */
const UNIT_AFTER = new RegExp(
  ` ?(?<mid>[余多])?(?<unit>${MEASURE_WORD_SOURCE}${UNIT_EXTENSION_SOURCE})(?<suffix>以上|左右|以内|以下|之内|上下)?`,
  'y',
);
const SUFFIX_ONLY = / ?(?<suffix>以上|左右|以内|以下|之内|上下)/y;
/** Before a number: `近x亿元`, `超xx万件`, `超过3%`, `约****万人次`, `不到1%`. */
const PREFIX_QUALIFIER = /(?:超过|接近|将近|大约|不到|不足|不低于|低于|超|近|约|逾)$/;
/** 约 and 近 that end a word are not qualifiers: 节约, 制约, 最近, 附近. */
const NOT_A_PREFIX_QUALIFIER = /(?:[节制契签预公条邀简集俭]约|[最附亲就]近|[赶]超)$/;

const QUALIFIER_NAMES: Readonly<Record<string, Qualifier>> = {
  余: '余', 多: '多', 近: '近', 接近: '近', 将近: '近', 超: '超', 超过: '超过',
  约: '约', 大约: '约', 逾: '逾', 不到: '不到', 不足: '不到', 不低于: '以上', 低于: '以下',
  以上: '以上', 左右: '左右', 以内: '以内', 之内: '以内', 以下: '以下', 上下: '左右',
};

/**
 * A numeral + measure word that names a doctrine, not a count (`两个维护`,
 * `四项基本原则`, `八项规定`). Callers should pass slogan spans in `exclude`;
 * this list catches the commonest ones when they do not.
 */
const SLOGAN_TAIL =
  /^(?:个|项|条|种)(?:意识|自信|维护|确立|全面|代表|务必|覆盖|一百年|现代化|坚持|服从|合格|认同|离不开|有利于|必须|有之|形态|注重|着力|聚焦|积极性|基本点|市场|大局|文明|毫不动摇|基本原则|原则|规定|主张|路线|道路|腿|资源|制度|不平衡|世界|转变)/;
/** Meeting ordinals without 第: `区委X届X次全会`, `十九届中央纪委五次全会`, `十三届全国人大五次会议`. */
const SESSION_BEFORE = /届[^，。；：！？,;:]{0,6}$/;
/** `几十个`, `数十万人`, `若干`: approximations, not values. */
const APPROXIMATION_BEFORE = /[几数若]$/;

/** The first rules, which need nothing but the literal; readMetric reads the rest off the text. */
function mayBeMetric(literal: NumberLiteral): boolean {
  if (literal.value === null && !literal.placeholder) return false; // `十四五`, `三四`
  // `一个时期`, `一次`, `统一部署`, `一是`: a bare 一 is an article or part of a word.
  if (literal.kind === 'chinese' && (literal.raw === '一' || literal.raw === '壹')) return false;
  return true;
}

/** The metric of a literal that passed mayBeMetric, or null. `next` is the literal after it, if any. */
function readMetric(text: string, literal: NumberLiteral, next: NumberLiteral | undefined): MetricDraft | null {
  const before = text.slice(Math.max(0, literal.start - 8), literal.start);
  if (literal.kind === 'chinese' && APPROXIMATION_BEFORE.test(before)) return null;

  UNIT_AFTER.lastIndex = literal.end;
  const unitMatch = UNIT_AFTER.exec(text);
  const unitGroups = unitMatch?.groups;
  const sharedUnit = unitMatch === null ? unitSharedWith(text, literal, next) : null;

  // Ordinals: `第xx次党代会`, `第一批`, `第一种形态`; but `居全市第x位` is a rank.
  if (before.endsWith('第') || before.endsWith('第 ')) {
    const unit = unitGroups?.unit;
    if (unitMatch === null || (unit !== '位' && unit !== '名')) return null;
    return {
      literal,
      rawStart: literal.start - (before.endsWith(' ') ? 2 : 1),
      rawEnd: literal.end + unitMatch[0].length - (unitGroups?.suffix?.length ?? 0),
      unit,
      unitKind: 'rank',
      qualifier: null,
      comparison: '排名',
      predicate: null,
      subject: null,
      isRank: true,
    };
  }

  const prefix = prefixQualifier(before);
  let rawStart = literal.start - (prefix?.length ?? 0);
  let rawEnd: number;
  let unit: string;
  let unitKind: UnitKind;
  let qualifier: Qualifier | null = prefix === null ? null : QUALIFIER_NAMES[prefix] ?? null;
  qualifier ??= literal.innerQualifier;

  if (unitMatch !== null && unitGroups?.unit !== undefined) {
    unit = unitGroups.unit;
    // 年 is a unit only as a length of time: with 余/多 (`30多年`), a streak (`连续12年`), a span
    // (`长达8年`) or a decimal (`12.5年`); `2021年` is a date, `近5年新高` a period referred to.
    // A Chinese numeral with 十/百 after a verb of time spent is a count of years (`进行了二十八年`,
    // `再奋斗十五年`, `再延长三十年`); dates are written digit by digit (`二〇一一年`), and `长江十年禁渔`
    // or `建党一百年时` name a span or an anniversary.
    const yearsCounted = literal.kind === 'chinese' && /[十百]/.test(literal.raw) && /(?:奋斗|进行了|延长|经过|历经|用了|花了|坚持了)$/.test(before);
    if (unit === '年' && unitGroups.mid === undefined && !yearsCounted && !/(?:连续|长达|历时)$/.test(before) && !/[.．点]/.test(literal.raw)) return null;
    // `抓两头带中间`: 头 counts livestock only as a figure (`1.2万头（只）`, `300头`).
    if (unit.startsWith('头') && literal.kind === 'chinese' && !literal.hasMultiplier) return null;
    // `4000吨级起重机`, `百万千瓦级`: a size class, not a quantity.
    if (unit !== '级' && text[literal.end + unitMatch[0].length] === '级') return null;
    // `新余电厂二期`, `“三北”六期`: a project's phase (a count of periods is written 两期).
    if (unit === '期' && literal.kind === 'chinese' && literal.raw !== '两') return null;
    // `全球通胀达到40多年来新高`: a period, not a quantity.
    if (unit === '年' && text[literal.end + unitMatch[0].length] === '来') return null;
    // `现在国内生产总值每增长1个百分点的增量`: a unit of comparison, not a quantity stated.
    if (/每(?:增长|提高|下降|增加|减少)$/.test(before)) return null;
    if (unit === '次' && SESSION_BEFORE.test(before)) return null;
    // `15分钟生活圈`, `30分钟职业技能培训圈`: a named span of services, not a quantity.
    if (unit === '分钟' && /^[\u4e00-\u9fff]{0,8}圈/.test(text.slice(literal.end + unitMatch[0].length, literal.end + unitMatch[0].length + 9))) return null;
    // `二次供水`, `二次开发`: 二次 means secondary; a count of times is 两次.
    if (unit === '次' && literal.raw === '二') return null;
    if (literal.kind === 'chinese' && SLOGAN_TAIL.test(text.slice(literal.end, literal.end + 6))) return null;
    // A count after a list (`养老、医疗、失业、工伤四项保险`) is a metric unless the slogan extractor
    // read it as a list summary (`公平、公开、公正、公认四项要求`): then it is in `exclude`, one judgment
    // (list-summaries.ts) for slogans, metrics and the slogan-count-mismatch rule.
    unitKind = measureWordKind(unit);
    qualifier ??= nameQualifier(unitGroups.mid) ?? nameQualifier(unitGroups.suffix);
    rawEnd = literal.end + unitMatch[0].length;
  } else if (literal.kind === 'percent-words') {
    // `百分之十`, `百分之十五以上`: the percent is written before the number.
    unit = '%';
    unitKind = 'percent';
    SUFFIX_ONLY.lastIndex = literal.end;
    const suffix = SUFFIX_ONLY.exec(text);
    rawEnd = literal.end + (suffix?.[0].length ?? 0);
    qualifier ??= nameQualifier(suffix?.groups?.suffix);
  } else if (sharedUnit !== null) {
    // `分别高4.2和0.7个百分点`: the unit is written once, after the second number.
    unit = sharedUnit.unit;
    unitKind = measureWordKind(unit);
    rawEnd = literal.end;
  } else if (isUnitlessHeadcount(text, literal)) {
    // `6600多万纳税人受益`, `解决2.15亿农村人口饮水安全问题`, `脱贫人口务工规模超过3300万。`:
    // a count in 万/亿 with no measure word, of the people or things named after it.
    SUFFIX_ONLY.lastIndex = literal.end;
    const suffix = SUFFIX_ONLY.exec(text);
    rawEnd = literal.end + (suffix?.[0].length ?? 0);
    qualifier ??= nameQualifier(suffix?.groups?.suffix);
    unit = '';
    unitKind = 'count';
  } else {
    // No unit: a metric only right after a rate or a change, ending the clause:
    // `同比增长x.x，`, `整改率为***，`, `整改完成率达到双百。`, `减少1000万以上；`.
    const lead = text.slice(Math.max(0, rawStart - 12), rawStart);
    if (!UNITLESS_LEAD.test(lead)) return null;
    SUFFIX_ONLY.lastIndex = literal.end;
    const suffix = SUFFIX_ONLY.exec(text);
    rawEnd = literal.end + (suffix?.[0].length ?? 0);
    if (!endsClauseAt(text, rawEnd)) return null;
    qualifier ??= nameQualifier(suffix?.groups?.suffix);
    unit = '';
    // A bare number after 增长/率 is a percentage the template left unwritten;
    // with 万/亿 it is a count (`农村贫困人口减少1000万以上`).
    unitKind = literal.hasMultiplier ? 'other' : 'percent';
  }
  if (rawStart < 0) rawStart = 0;
  return {
    literal,
    rawStart,
    rawEnd,
    unit,
    unitKind,
    qualifier,
    comparison: null,
    predicate: null,
    subject: null,
    isRank: false,
  };
}

/**
 * An Arabic count written with 万/亿 and no measure word, followed by a noun or the end of the
 * clause: `6069万农民受益`, `13亿城乡居民参保`, `由8300万增加到…`. Not before a Latin word or
 * a digit (`1万TEU`), not a year or a date (`万` never follows one).
 */
function isUnitlessHeadcount(text: string, literal: NumberLiteral): boolean {
  // Chinese too: `八千多万农业转移人口`, `拥有十三亿多中国人民`, `裁减现役员额三十万`.
  if ((literal.kind !== 'arabic' && literal.kind !== 'chinese') || !literal.hasMultiplier || literal.value === null) return false;
  const after = text[literal.end] ?? '';
  return after === '' || isHan(after.charCodeAt(0)) || endsClauseAt(text, literal.end);
}

/**
 * `分别高4.2和0.7个百分点`: two numbers joined by 和/、/或 share the unit
 * written after the second. Arabic and placeholders only (`三、四个` is an
 * approximation).
 */
function unitSharedWith(text: string, literal: NumberLiteral, next: NumberLiteral | undefined): { unit: string } | null {
  if (next === undefined || literal.kind === 'chinese' || next.kind !== literal.kind) return null;
  if (!/^(?:和|、|或|及)$/.test(text.slice(literal.end, next.start))) return null;
  UNIT_AFTER.lastIndex = next.end;
  const unit = UNIT_AFTER.exec(text)?.groups?.unit;
  if (unit === undefined || unit === '年') return null;
  return { unit };
}

function prefixQualifier(before: string): string | null {
  const match = PREFIX_QUALIFIER.exec(before);
  if (match === null || NOT_A_PREFIX_QUALIFIER.test(before)) return null;
  return match[0];
}

function nameQualifier(word: string | undefined): Qualifier | null {
  return word === undefined ? null : QUALIFIER_NAMES[word] ?? null;
}

// ------------------------------------------------------------------ what does it count?

const CLAUSE_MARKS = charCodeTable('，,；;。：:！!？?\n');

/** Comparison words, most specific first within each group. */
const RATE_WORDS =
  '城镇化率|完成率|满意率|整改率|办结率|结案率|覆盖率|利用率|达标率|优良率|合格率|知晓率|执行率|到位率|贡献率|普及率|参与率|入学率|就业率|失业率|增长率|发生率|通过率|回收率|处置率|化解率|查处率|成活率|转化率|使用率|赤字率|杠杆率|' +
  `[${HAN}]{2}率`;
const CHANGE_WORDS =
  '(?:同比|环比|比上年|比去年|年均|平均)?(?:增长|下降|减少|增加|提高|降低|上升|回落|上涨|下跌|压减|缩减)|增幅|降幅|涨幅|增速|降至|降到|升至|升到';
const SHARE_WORDS = '占比|比重|占(?![领用有地])';
/** 达 but not 下达, 发达, 传达, 到达 (`向…下达各类文书***份` is not a level reached). */
const REACH_WORDS = '高达|(?<![下发表传送抵到通高])(?:达到|达)|突破';
const RATE = new RegExp(RATE_WORDS, 'g');
/** 效率, 利率, 汇率 are things that change, not rates a report states: `工作效率提高20%`. */
const NOT_A_RATE = /(?:效率|利率|汇率|税率|频率|比率|费率|概率)$/;
const CHANGE = new RegExp(`(?:${CHANGE_WORDS})(?:了|到|至|为)?`, 'g');
const SHARE = new RegExp(SHARE_WORDS, 'g');
const REACH = new RegExp(REACH_WORDS, 'g');
/** Right before a unit-less number: a rate or a change (`增长x.x`, `利用率xxx`, `完成率达到双百`). */
const UNITLESS_LEAD = new RegExp(`(?:${RATE_WORDS}|${CHANGE_WORDS})(?:为|是|达到|达|了|到|至)?$`);

type ComparisonKind = 'rate' | 'share' | 'change' | 'reach';

/**
 * Report verbs that say what a number counts: `召开…会议7次`, `查处…问题xx起`.
 * Guards keep nouns out: `党组织`, `组织部`, `学习强国`, `调研报告`, `服务中心`, `工作布局`.
 */
const VERB_WORDS = [
  '召开', '举办', '举行', '开展', '接受', '(?<![党团新会])组织(?![部生处建体关优力化振书者])', '参加', '参与', '查处',
  '处置', '处理', '处分', '立案', '结案', '办结', '受理', '办理', '完成', '新增', '新建', '新建立', '新成立',
  '新开办', '开办', '新引进', '引进', '引入', '招录', '招聘', '招引', '培训', '轮训', '发放', '拨付', '投入',
  '列支', '筹集', '走访', '慰问', '帮扶', '接访', '接待', '听取', '审议', '印发', '制定', '出台', '制发',
  '修订', '整改', '排查', '摸排', '化解', '调处', '解决', '帮助解决', '问责', '追责', '约谈', '诫勉', '检查',
  '研究(?![院所生会])',
  '督查', '督导', '巡察', '发现', '移交', '移送', '挽回', '追缴', '收集', '征集', '征订', '上报', '报送', '审查',
  '备案', '核查', '查实', '查摆', '查纠', '打击', '抓获', '刑事拘留', '摧毁', '打掉', '破获', '留置', '给予',
  '运用', '选派', '提拔', '重用', '调整', '推荐', '推选', '表彰', '通报', '曝光', '通报曝光', '覆盖', '惠及',
  '成立', '设立', '组建', '建立', '建成', '打造', '创建', '改造', '整治', '整顿', '转化', '关闭', '取缔', '拆除',
  '清理', '清退', '录制', '刊播', '推送', '发布', '刊发', '刊稿', '转载', '拍摄', '制作', '撰写', '形成', '提出',
  '编发', '下发', '下达', '签订', '签约', '安置', '吸纳', '带动', '发展党员', '审批', '配备', '配齐', '配齐配强',
  '接收', '(?<!工作)布局', '开工', '竣工', '开通', '安装', '加装', '实施', '举报', '监看', '查删', '登记', '采集',
  '宣讲', '学习(?![强型])', '研讨', '调研(?![报文])', '包联', '捐赠', '捐款', '捐款捐物', '培育', '认定', '评选',
  '命名', '晋升', '实现', '淘汰', '建成通车', '增加', '办好', '提升', '承办', '谈话', '申报', '调度', '提供', '纳入', '涉及',
  '服务(?![中站队对体项])',
];
/** Length of a verb pattern without its guards, to try longer verbs first (`通报曝光` before `通报`). */
const verbLength = (pattern: string): number => pattern.replace(/\(\?<?[!=][^)]*\)/g, '').length;
const VERB_SOURCE = `(?:${[...VERB_WORDS].sort((a, b) => verbLength(b) - verbLength(a)).join('|')})`;
const VERB = new RegExp(VERB_SOURCE, 'g');
const WHOLE_VERB = new RegExp(`^${VERB_SOURCE}$`);
/** A verb starting exactly at `lastIndex`, its guards seeing the text around it. */
const VERB_HERE = new RegExp(VERB_SOURCE, 'y');
/**
 * Verbs that also name activities or things, so they may sit inside a noun
 * phrase: `专题学习`, `常规巡察`, `开展监督检查`, `科技成果转化项目`, `专项整治工作方案`.
 */
const NOMINAL_VERB = /^(?:学习|研究|巡察|检查|督查|督导|调研|宣讲|培训|研讨|整改|整治|服务|转化|改造|实施)/;
/** A verb right after these is inside an adverbial: `通过检查商场酒店…发现问题X个`. */
const ADVERBIAL_BEFORE = /(?:通过|经过|围绕|按照|根据|依托|结合|借助|为了)$/;
/** `通过定期报告、实地督导等方式调度…`: the verbs of an adverbial of means. */
const MEANS_ADVERBIAL = /^.*?(?:通过|经过|采取|利用|依托|借助|运用)[^，。；]*?(?:方式|形式|方法|途径|渠道|手段)/;
/** Verbs whose subject comes before them: `全社会固定资产投资实际完成xxx.xx亿元`. */
const RESULT_VERB = /^(?:完成|实现|突破|投入|改造|建成|开工|竣工|建成通车)$/;

const LEADING_FILLER = new RegExp(
  '^(?:[、，,和及与并是使]|以及|其中|共计|累计|全年|今年以来|今年|去年|当年|截至目前|目前|提出|计划|先后|分别|均|已经|已|还|又|对|向|到|从|由|将|把|了|的|' +
    '各类|各级|相关|有关|全区|全市|全县|全省|全国|我区|我市|本区|平均每年|每年|' +
    '[12１２一](?: ?[0-9０-９〇零一二三四五六七八九]){3} ?年(?:以来|底|末|度)?|' +
    '第[一二三四五六七八九十\\d]+[批期轮次届])+',
);
const TRAILING_FILLER =
  /(?:共计|共|累计|达到|达|为|是|的|已经|已|分别|均|实际|预计|预期|总计|合计|了|等|到位|全部|总数|总量|在|各|以及|和|及|与|由|从|将|就|也|还|有|又|安排|计划|[、，]|[12１２一](?: ?[0-9０-９〇零一二三四五六七八九]){3} ?年)+$/;

/**
 * Fill comparison, predicate and subject, left to right, so that a metric
 * can lean on the one before it: `查处…问题xx起xx人` (the second shares the
 * first's verb and object), `X%、X%` (lists), `地区生产总值xxx.xx亿元，居全市第x位；
 * 同比增长x.x` (the rank and the growth are of the same subject).
 */
function describe(text: string, drafts: MetricDraft[]): void {
  let previous: MetricDraft | null = null;
  for (const draft of drafts) {
    const literalStart = draft.rawStart;
    let windowStart = lastIndexOfAny(text, CLAUSE_MARKS, literalStart - 1, 80) + 1;
    const sameClauseAsPrevious = previous !== null && previous.rawEnd > windowStart && previous.rawEnd <= literalStart;
    if (sameClauseAsPrevious) windowStart = previous!.rawEnd;
    const window = text.slice(windowStart, literalStart);
    const gap = sameClauseAsPrevious ? window : null;
    let comparisonKind: ComparisonKind | null = null;

    if (draft.isRank) {
      // `增幅排名全市第x位` → subject 增幅; `居全市第x位` → the previous metric's subject.
      const rankVerb = /(?:排名|位居|位列|并列|居|列|排)[^，。；、]*$/.exec(window);
      const head = rankVerb === null ? '' : tidy(window.slice(0, rankVerb.index), false);
      draft.subject = head !== '' ? head : null;
    } else {
      const comparison = findComparison(window);
      draft.comparison = comparison?.text ?? null;
      comparisonKind = comparison?.kind ?? null;
      const opensList = gap !== null && gap.startsWith('、');
      const closesList = gap !== null && /(?:、|以及|和|及|与)$/.test(gap);
      if ((opensList || closesList) && previous!.predicate !== null && !hasActionVerb(window)) {
        // A list under one verb: `查摆…整改事项xx个、…整改事项xx个`,
        // `先后组织X次专题学习、X次专题研究`, `正在开展对X个办事处及X个社区的巡察`.
        draft.predicate = previous!.predicate;
        const own = closesList ? '' : tidy(window, true);
        draft.subject = own !== '' ? own : nounAfter(text, draft.rawEnd) || null;
      } else {
        readPredicateAndSubject(window, draft, text, comparison);
      }
    }

    // Lists and pairs lean on the metric before: `xx起xx人`, `X%、X%`, `X元和X元`.
    const listGap = gap !== null && /^[、和及与]?$/.test(gap);
    const sameSentence = previous !== null && !/[。！？!?]/.test(text.slice(previous.rawEnd, literalStart));
    if (previous !== null && listGap) {
      draft.predicate ??= previous.predicate;
      draft.subject ??= previous.subject;
      if (!draft.isRank) draft.comparison ??= previous.comparison;
    } else if (
      previous !== null &&
      sameSentence &&
      draft.subject === null &&
      (draft.isRank || comparisonKind === 'change')
    ) {
      draft.subject = previous.subject;
    }
    previous = draft;
  }
}

/** A verb that is not also a noun (`整改事项`, `专题学习` do not count). */
function hasActionVerb(text: string): boolean {
  return allMatches(VERB, text).some((verb) => !NOMINAL_VERB.test(verb.text));
}

/** The comparison in a clause: a rate first, then a change, a share, a level reached. */
function findComparison(window: string): { text: string; kind: ComparisonKind } | null {
  const rate = lastMatch(RATE, window);
  if (rate !== null && !NOT_A_RATE.test(rate.text)) return { text: rate.text, kind: 'rate' };
  // A change right at the number wins over a share further back: `比重提高2个百分点`.
  const candidates: Array<[RegExp, ComparisonKind]> = [[CHANGE, 'change'], [SHARE, 'share'], [REACH, 'reach']];
  for (const [pattern, kind] of candidates) {
    const match = lastMatch(pattern, window);
    if (match === null) continue;
    // A change right before the number (`同比增长6.6%`, `分别增长X%`; in `增加学位xxxx个`
    // 增加 is the verb), a share close to it (`占总处置人数的X%`), a level reached
    // right before it (`成员单位达xxx家`).
    const gap = window.slice(match.end).trim();
    const close =
      kind === 'share' ? gap.length <= 6 : kind === 'reach' ? gap.length <= 1 : /^(?:分别|均|达到|达|约|为)?$/.test(gap);
    if (close) return { text: kind === 'change' ? match.text.replace(/(?:了|到|至|为)$/, '') : match.text, kind };
  }
  return null;
}

function readPredicateAndSubject(
  window: string,
  draft: MetricDraft,
  text: string,
  comparison: { text: string; kind: ComparisonKind } | null,
): void {
  if (comparison !== null) {
    // A rate is itself the indicator (`城镇调查失业率5.5%左右`, `案件办结率达100%`);
    // a change, a share, a level is of the phrase before it (`国内生产总值增长6.6%`).
    const at = window.lastIndexOf(comparison.text);
    const end = comparison.kind === 'rate' ? at + comparison.text.length : at;
    // `比五年前增加5000万吨`, `比1980年预计增加25万吨`: 比… is the baseline, not the subject.
    const before = window.slice(0, end).replace(/比[^，。；]*$/, '');
    const head = comparison.kind === 'rate' ? tidy(before, false) : tidyLong(before);
    draft.subject = head === '' ? null : head;
    return;
  }

  // Verbs of an adverbial of means do not count: `通过…等方式调度…`.
  const means = MEANS_ADVERBIAL.exec(window);
  const verbsFrom = means === null ? 0 : means[0].length;
  const verbs = allMatches(VERB, window).filter((verb) => verb.start >= verbsFrom);
  // The first verb of the clause: objects of report verbs are noun phrases,
  // adverbials come before the verb. A verb with nothing after it gives way to
  // a later one (`开展监督检查xx余次`: 开展, not 检查).
  let verbIndex = -1;
  let chainStart = -1;
  for (let i = 0; i < verbs.length; i++) {
    const verb = verbs[i]!;
    const last = i === verbs.length - 1;
    if (!last && ADVERBIAL_BEFORE.test(window.slice(Math.max(0, verb.start - 2), verb.start))) continue;
    if (!last && tidy(window.slice(verb.end), true) === '') continue;
    verbIndex = i;
    chainStart = i;
    // `组织开展中心组理论学习`, `排查化解矛盾纠纷`, `打击处理…人员`: the last verb of a
    // chain is the predicate; a verb that names an activity (`开展调研`) is its object.
    while (true) {
      const next = verbs[verbIndex + 1];
      if (next === undefined || next.start !== verbs[verbIndex]!.end || NOMINAL_VERB.test(next.text)) break;
      verbIndex++;
    }
    break;
  }
  const verb = verbIndex >= 0 ? verbs[verbIndex]! : null;

  if (verb !== null) {
    draft.predicate = verb.text;
    const rawObject = window.slice(verb.end).trim();
    // `成立包括…在内的xx个指挥部`, `《…》《…》等X个文件`, `…方案、X个专项整治工作方案`:
    // the noun comes after the unit.
    let object = /[、的等和及与]$/.test(rawObject) ? '' : tidy(rawObject, true);
    if (WHOLE_VERB.test(object)) {
      // `转化提升xx个…`, `运用“四种形态”处置***人次`: the object's head is the real verb.
      draft.predicate = object;
      object = '';
    }
    if (object !== '') {
      draft.subject = object;
      return;
    }
    const after = nounAfter(text, draft.rawEnd);
    if (after !== '') {
      draft.subject = after;
    } else if (RESULT_VERB.test(verb.text)) {
      // `全社会固定资产投资实际完成xxx.xx亿元`, `农村危房改造190万户`.
      const head = tidy(window.slice(0, verbs[chainStart]!.start), false);
      draft.subject = head === '' ? null : head;
    }
    return;
  }

  // No verb, no comparison: the noun after the unit, else the phrase before the number.
  // `力争年内30％的村…` → 村; `…和省委反馈的X方面` → the noun comes later, if at all.
  const afterStart = draft.unitKind === 'percent' && text[draft.rawEnd] === '的' ? draft.rawEnd + 1 : draft.rawEnd;
  const after = nounAfter(text, afterStart);
  if (after !== '' || window.endsWith('的')) {
    draft.subject = after === '' ? null : after;
    return;
  }
  const head = tidyLong(window);
  draft.subject = head === '' ? null : head;
}

/** Adverbs and verbs that end the noun after a measure word: `x个民主党派区委会顺利选举…`. */
const NOUN_STOP =
  /^(?:受益|参保|饮水|成为|顺利|全部|全面|全覆盖|积极|共同|分别|正在|进行|选举|相继|先后|陆续|深入|获选|获得|入选|脱产|常态化|居全|填报)/;
/** Words right after a unit that say no noun follows: `列支X万元作为…`, `***人被…`. */
const NO_NOUN_AFTER = new RegExp(`^(?:作为|涉及|以及|共查|共计|共有|${CHANGE_WORDS})`);
const NOUN_STOP_CHARS = '和及与并在对向被将从于的等已均赴到为居';

/** The noun after a measure word: `x所民办小学`, `新建x个街道（社区）退役军人之家`. */
function nounAfter(text: string, from: number): string {
  let noun = '';
  let i = from;
  while (i < text.length && noun.length < 10) {
    const char = text[i]!;
    if (char === '（' || char === '(') {
      const close = text.slice(i, i + 10).indexOf(char === '（' ? '）' : ')');
      if (close < 0) break;
      i += close + 1;
      continue;
    }
    if (char === '“' || char === '”') {
      // `包联***个“最强党支部”`, `***名“一把手”`: quotes around the noun are not part of it.
      if (char === '”' && noun === '') break;
      if (char === '“' && noun !== '') break;
      i++;
      continue;
    }
    if (!isHan(text.charCodeAt(i))) break;
    // `十亿多人口`: 人 + 口 is the word 人口, no noun follows.
    if (noun === '' && char === '口') break;
    const rest = text.slice(i, i + 4);
    // `***人被市委命名`, `X人纳入…`, `列支X万元作为…`: no noun follows the unit.
    if (NOUN_STOP_CHARS.includes(char) && !(noun === '' && rest.startsWith('在职'))) break;
    if (NO_NOUN_AFTER.test(rest) || (noun !== '' && NOUN_STOP.test(rest))) break;
    VERB_HERE.lastIndex = i;
    const verb = VERB_HERE.exec(text);
    if (verb !== null && !(noun.length < 4 && NOMINAL_VERB.test(verb[0]))) break;
    noun += char;
    i++;
  }
  return noun.replace(TRAILING_FILLER, '');
}

/** Long phrases before a number keep only their head: `将…细化为总投资` → `总投资`. */
function tidyLong(phrase: string): string {
  const tidied = tidy(phrase, false);
  if (tidied.replace(/[“”"《》]/g, '').length <= 10) return tidied;
  const afterBecomes = tidied.lastIndexOf('为');
  return tidy(afterBecomes > 0 ? tidied.slice(afterBecomes + 1) : tidied, true);
}

/**
 * A subject as a reader would name it: asides in brackets dropped, fillers
 * (`共`, `累计`, `其中`, `达`) trimmed, and with `headOnly` only the head after
 * a list, a quote or a 的 (`违反中央八项规定精神和“四风”问题` → `问题`,
 * `北京恩派等社会组织` → `社会组织`, `“留岗红包”` → `留岗红包`).
 */
function tidy(phrase: string, headOnly: boolean): string {
  let text = phrase.replace(/[（(][^（()）]{0,10}[）)]/g, '').trim();
  text = text.replace(LEADING_FILLER, '').replace(TRAILING_FILLER, '');
  if (headOnly) {
    const body = text.replace(/[”"》]+$/, '');
    let cut = -1;
    for (const mark of ['、', '”', '》', '"', '“', '《', '—']) cut = Math.max(cut, body.lastIndexOf(mark));
    // After 的, except in 党的 (`党的建设领导小组会`).
    const of = /的(?!.*的)/.exec(body);
    if (of !== null && body[of.index - 1] !== '党') cut = Math.max(cut, of.index);
    const head = body.slice(cut + 1).replace(LEADING_FILLER, '').replace(TRAILING_FILLER, '');
    text = head !== '' ? head : body.replace(/^[“《"]+/, '');
    const etc = text.lastIndexOf('等');
    if (etc >= 0 && etc < text.length - 1) text = text.slice(etc + 1);
  }
  // Unbalanced quotes at the ends: `80后”“90后”干部` keeps its inner quotes, loses the stray one.
  text = text.replace(/^[”》]+|[“《]+$/g, '');
  if (text.startsWith('“') && text.indexOf('”') === text.length - 1) text = text.slice(1, -1);
  if (text.startsWith('《') && text.indexOf('》') === text.length - 1) text = text.slice(1, -1);
  if ((text.match(/“/g)?.length ?? 0) < (text.match(/”/g)?.length ?? 0) && /^[^“]*”/.test(text)) text = `“${text}`;
  text = text.replace(LEADING_FILLER, '').replace(TRAILING_FILLER, '');
  if (text.length > 20) text = text.slice(-20);
  return text;
}

// ------------------------------------------------------------------ actual or target?

/**
 * In the sentence before the metric: a target is announced
 * (`主要预期目标是：国内生产总值增长6%－6.5%`, `力争年内30％的村…`,
 * `今年计划国内生产总值增长百分之九`, `赤字率拟按3%左右安排`).
 * Not `好于预期`, `完成全年主要目标任务`, `是年度计划的X倍`, `计划经济` (a review
 * of what was done, or 计划 as a noun).
 */
const TARGET_BEFORE =
  `预期目标(?:是|为|定为|定在|：|:)|目标[，,]?(?:是|为|定为|定在)|力争|确保|计划(?=[${HAN}])(?![的经生单体管内外期中规任指数补])|拟` +
  // `今年能源消耗强度要降低3.9%以上`, `粮食产量要稳定在5.5亿吨以上`: 要 before a verb of a level to reach.
  '|要(?=稳定在|保持在|控制在|降低|下降|减少|提高|增长|达到|超过)';
/** Right before the number: `经济增长预期目标6.5%－7%`, `经济增长预期7%左右`, `M2预期增长13%左右`. */
const TARGET_JUST_BEFORE = /预期(?:目标)?(?:增长|增速)?(?:为|是|定为|定在)?$/;
/** Right after: `高于6.5%的预期目标`. */
const TARGET_AFTER = /^(?:左右|以上|以内)?的?(?:预期|增长|发展|奋斗)?目标/;
/** A paragraph that opens by announcing plans: `下一步，X区委将…`. */
const TARGET_PARAGRAPH_LEAD = /下一步|下步工作|工作打算|工作思路是/;
/** `控制在4.5%以内` announces a ceiling; `涨幅控制在2.6%` in a review states a result. */
const CEILING = /控制在$/;

/**
 * For each position of the paragraph, whether a target was announced earlier
 * in the same sentence (up to 。！？): one pass, so long paragraphs stay linear.
 * Returns a function of the position.
 */
function targetAnnouncements(text: string): (position: number) => boolean {
  const announced = allMatches(new RegExp(TARGET_BEFORE, 'g'), text).map((found) => found.end);
  if (announced.length === 0) return () => false;
  const sentenceEnds = allMatches(/[。！？!?]/g, text).map((found) => found.start);
  // The last announcement before `position`, with no sentence end after it.
  return (position) => {
    const announcement = lastIndexAtOrBefore(announced, position, itself);
    if (announcement < 0) return false;
    const sentenceEnd = lastIndexAtOrBefore(sentenceEnds, position - 1, itself);
    return sentenceEnd < 0 || sentenceEnds[sentenceEnd]! < announced[announcement]!;
  };
}

const itself = (value: number) => value;

function stanceOf(text: string, draft: MetricDraft, targetAnnounced: (position: number) => boolean): Stance {
  if (targetAnnounced(draft.rawStart)) return 'target';
  const before = text.slice(Math.max(0, draft.rawStart - 12), draft.rawStart);
  if (TARGET_JUST_BEFORE.test(before)) return 'target';
  if (CEILING.test(before) && (draft.qualifier === '以内' || draft.qualifier === '以下' || draft.qualifier === '左右')) {
    return 'target';
  }
  if (TARGET_AFTER.test(text.slice(draft.rawEnd, draft.rawEnd + 8))) return 'target';
  return 'actual';
}

/**
 * A sentence opening with `过去一年，` inside plans looks back before it looks ahead
 * (`三、2011年的工作` opens with `过去一年，我们的各项工作取得了很大成绩。国内生产总值增长10.3%…`):
 * its figures, up to a sentence that turns to this year, are results.
 */
const REVIEW_SENTENCE = /(?:^|[。！？])\s*(?:过去一年|过去的一年|去年)[，,]/g;
const TURNS_AHEAD = /今年|明年|力争|目标|计划|要/;

function reviewsPastYear(text: string, position: number): boolean {
  const leads = allMatches(REVIEW_SENTENCE, text.slice(0, position));
  if (leads.length === 0) return false;
  return !TURNS_AHEAD.test(text.slice(leads[leads.length - 1]!.end, position));
}

function firstSentence(text: string): string {
  const end = text.search(/[。！？!?]/);
  return end < 0 ? text : text.slice(0, end);
}

// ------------------------------------------------------------------ spans and helpers

/**
 * The pairs of the shared table (MARK_PAIRS) whose numbers are names, by opening mark, with how
 * far their closing mark may be (an unclosed quote must not swallow the paragraph): a title runs
 * longer than a quote. Not `‘’`, `＂＂` or brackets: numbers inside them are read as metrics, as
 * they always were (`（增长6%）` is a metric).
 */
const SHIELD_REACH: Readonly<Record<string, number>> = { '“': 30, '"': 30, '「': 30, '『': 30, '《': 100, '〈': 60 };
/** `“` and `"` close each other as well: `“三项建设"`. */
const EITHER_QUOTE = '”"';
const SHIELDING_PAIRS: ReadonlyArray<{ open: string; closeCodes: readonly number[]; reach: number }> = MARK_PAIRS.filter(
  (pair) => SHIELD_REACH[pair.open] !== undefined,
).map(({ open, close }) => ({
  open,
  closeCodes: [...(open === '“' || open === '"' ? EITHER_QUOTE : close)].map((mark) => mark.charCodeAt(0)),
  reach: SHIELD_REACH[open]!,
}));

/**
 * Spans whose numbers are names, not metrics: quotes (`“15分钟阅读圈”`,
 * `“1234”干部工作思路`), titles (`《中央巡视工作规划(2019—2022年)》`), and the
 * caller's `exclude` spans. Relative to the paragraph.
 */
function shieldedSpans(text: string, textStart: number, exclude: readonly OffsetRange[]): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const range of exclude) {
    const start = Math.max(0, range.start - textStart);
    const end = Math.min(text.length, range.end - textStart);
    if (end > start) spans.push([start, end]);
  }
  // From one opening mark to the next (a regex of a few characters skips the text between
  // them fast), each paired with the first closing mark within its reach.
  OPENING_MARK.lastIndex = 0;
  while (OPENING_MARK.test(text)) {
    const i = OPENING_MARK.lastIndex - 1;
    const pair = SHIELDING_PAIRS[PAIR_BY_OPENING[text.charCodeAt(i)]! - 1]!;
    const limit = Math.min(text.length, i + 1 + pair.reach);
    for (let j = i + 1; j < limit; j++) {
      if (pair.closeCodes.includes(text.charCodeAt(j))) {
        spans.push([i, j + 1]);
        OPENING_MARK.lastIndex = j + 1;
        break;
      }
    }
  }
  return spans.sort((a, b) => a[0] - b[0]);
}

const OPENING_MARK = new RegExp(`[${SHIELDING_PAIRS.map((pair) => pair.open).join('')}]`, 'g');
/** SHIELDING_PAIRS by the char code of their opening mark: 1 + the index, else 0. */
const PAIR_BY_OPENING = new Uint8Array(0x10000);
SHIELDING_PAIRS.forEach((pair, index) => {
  PAIR_BY_OPENING[pair.open.charCodeAt(0)] = index + 1;
});

/** Whether `index` falls in one of `spans` (sorted by start, see `shieldedSpans`). */
function isInside(spans: ReadonlyArray<[number, number]>, index: number): boolean {
  const candidate = lastIndexAtOrBefore(spans, index, (span) => span[0]);
  // Spans may nest or overlap (a caller's slogan inside a quote): look back a little.
  for (let i = candidate; i >= 0 && i > candidate - 8; i--) {
    if (index < spans[i]![1]) return true;
  }
  return false;
}

/** The sentence holding `offset` (sentences in document order, not overlapping), else the paragraph. */
function sentenceAt(
  sentences: readonly OffsetRange[],
  offset: number,
  paragraphStart: number,
  paragraphLength: number,
): OffsetRange {
  const sentence = rangeAt(sentences, offset);
  return sentence === undefined
    ? { start: paragraphStart, end: paragraphStart + paragraphLength }
    : { start: sentence.start, end: sentence.end };
}

/** Index of the last of `marks` (a charCodeTable) in `text` at or before `from`, looking back at most `reach`; -1 if none. */
function lastIndexOfAny(text: string, marks: Uint8Array, from: number, reach: number): number {
  const stop = Math.max(0, from - reach);
  for (let i = from; i >= stop; i--) if (marks[text.charCodeAt(i)] === 1) return i;
  return from - reach >= 0 ? stop - 1 : -1;
}

interface Found {
  text: string;
  start: number;
  end: number;
}

function allMatches(pattern: RegExp, text: string): Found[] {
  const found: Found[] = [];
  pattern.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(text)) !== null) {
    found.push({ text: match[0], start: match.index, end: match.index + match[0].length });
  }
  return found;
}

function lastMatch(pattern: RegExp, text: string): Found | null {
  const found = allMatches(pattern, text);
  return found[found.length - 1] ?? null;
}
