/**
 * Is it a metric? The rules read off a number literal and its neighbours: the unit after it (compound
 * `元/月` and bracketed `台（套）` included), qualifiers before and after, dates, ordinals, phases and
 * size classes that are not metrics.
 */
import type { Qualifier, UnitKind } from '../types.js';
import { MEASURE_WORD_SOURCE, UNIT_EXTENSION_SOURCE, measureWordKind, type NumberLiteral } from '../numbers.js';
import { endsClauseAt, isHan } from '../../text/characters.js';
import type { MetricDraft } from './draft.js';
import { UNITLESS_LEAD } from './wording.js';

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
export function mayBeMetric(literal: NumberLiteral): boolean {
  if (literal.value === null && !literal.placeholder) return false; // `十四五`, `三四`
  // `一个时期`, `一次`, `统一部署`, `一是`: a bare 一 is an article or part of a word.
  if (literal.kind === 'chinese' && (literal.raw === '一' || literal.raw === '壹')) return false;
  return true;
}

/** The metric of a literal that passed mayBeMetric, or null. `next` is the literal after it, if any. */
export function readMetric(text: string, literal: NumberLiteral, next: NumberLiteral | undefined): MetricDraft | null {
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
    // An extension counts years however it is written (`再延长30年`, `再延长三十年`).
    const yearsCounted =
      /延长$/.test(before) || (literal.kind === 'chinese' && /[十百]/.test(literal.raw) && /(?:奋斗|进行了|经过|历经|用了|花了|坚持了)$/.test(before));
    // Spans: `连续12年`, `时隔5年`, `用3—5年时间`, a bound (`20年以上电梯`: a date takes no 以上), a
    // round or decimal figure (`几千年`, `12.5年`).
    const span =
      /(?:连续|长达|历时|时隔|提前)$/.test(before) ||
      text.startsWith('时间', literal.end + unitMatch[0].length) ||
      unitGroups.suffix === '以上' || unitGroups.suffix === '以内' ||
      literal.innerQualifier === '几' || literal.innerQualifier === '数' || /[.．点]/.test(literal.raw);
    if (unit === '年' && unitGroups.mid === undefined && !yearsCounted && !span) return null;
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
    ({ rawEnd, qualifier } = withSuffix(text, literal.end, qualifier));
  } else if (sharedUnit !== null) {
    // `分别高4.2和0.7个百分点`: the unit is written once, after the second number.
    unit = sharedUnit.unit;
    unitKind = measureWordKind(unit);
    rawEnd = literal.end;
  } else if (/[/／]/.test(literal.raw) && literal.kind === 'arabic') {
    // `占全国1/3`, `近1/6`, `1/10以上`: a share needs no unit.
    ({ rawEnd, qualifier } = withSuffix(text, literal.end, qualifier));
    unit = '';
    unitKind = 'other';
  } else if (isUnitlessHeadcount(text, literal)) {
    // `6600多万纳税人受益`, `解决2.15亿农村人口饮水安全问题`, `脱贫人口务工规模超过3300万。`:
    // a count in 万/亿 with no measure word, of the people or things named after it.
    ({ rawEnd, qualifier } = withSuffix(text, literal.end, qualifier));
    unit = '';
    unitKind = 'count';
  } else {
    // No unit: a metric only right after a rate or a change, ending the clause:
    // `同比增长x.x，`, `整改率为***，`, `整改完成率达到双百。`, `减少1000万以上；`.
    const lead = text.slice(Math.max(0, rawStart - 12), rawStart);
    if (!UNITLESS_LEAD.test(lead)) return null;
    ({ rawEnd, qualifier } = withSuffix(text, literal.end, qualifier));
    if (!endsClauseAt(text, rawEnd)) return null;
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

/** The end of a metric with no unit, past a qualifier written after the number (`1/10以上`), and its qualifier. */
function withSuffix(text: string, end: number, qualifier: Qualifier | null): { rawEnd: number; qualifier: Qualifier | null } {
  SUFFIX_ONLY.lastIndex = end;
  const suffix = SUFFIX_ONLY.exec(text);
  return { rawEnd: end + (suffix?.[0].length ?? 0), qualifier: qualifier ?? nameQualifier(suffix?.groups?.suffix) };
}

function prefixQualifier(before: string): string | null {
  const match = PREFIX_QUALIFIER.exec(before);
  if (match === null || NOT_A_PREFIX_QUALIFIER.test(before)) return null;
  return match[0];
}

function nameQualifier(word: string | undefined): Qualifier | null {
  return word === undefined ? null : QUALIFIER_NAMES[word] ?? null;
}
