/**
 * What does a metric count? The comparison (增长, 占比, 达到…), the verb it counts (召开, 查处…) and its
 * subject, read off the words around each number.
 */
import { HAN, charCodeTable, isHan } from '../../text/characters.js';
import type { MetricDraft } from './draft.js';
import { itself } from './stance.js';
import { allMatches, lastIndexOfAny, lastMatch } from './spans.js';

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
export const UNITLESS_LEAD = new RegExp(`(?:${RATE_WORDS}|${CHANGE_WORDS})(?:为|是|达到|达|了|到|至)?$`);

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
export function describe(text: string, drafts: MetricDraft[]): void {
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
