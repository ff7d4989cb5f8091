/**
 * Template blanks (SPEC §5): where a report template left a number, a year
 * or a name to fill in.
 *
 * A blank is a maximal run of
 * - x / X / ｘ / Ｘ, possibly with one decimal point: `xx`, `X`, `x.x`, `xxx.xx`;
 * - the same with ×, □ or full-width ＊: `××`, `×.×`, `□□`, `＊＊＊` (one ＊ only where a number
 *   belongs: `＊个`);
 * - a year blank: `20xx`, `19XX`, `20××`;
 * - two or more asterisks: `**`, `***`, `*****`;
 * - 〇〇 and 某某: `〇〇区委`, `某某同志` (not the 〇〇 of a date, `二〇〇八年`).
 *
 * It counts only where a number or a name belongs, i.e. next to Chinese text,
 * a unit or punctuation. Latin words and codes are not blanks: the x of
 * `Excel`, `XML`, `x86`, `Xbox`, a URL (`www.x.com`), `X光` (an X-ray).
 */
import type { PlaceholderCounts, PlaceholderRecord } from './types.js';
import type { PlaceholderKind } from '../tree/types.js';
import { MEASURE_WORD_SOURCE, MULTIPLIER_SOURCE } from './numbers.js';
import { endsClauseAt, HAN, isHan, isHanExtensionA, LATIN_LETTER, LATIN_WORD_CHAR } from '../text/characters.js';

/**
 * Blanks, longest first: a year blank (`20xx`, `20××`, `20□□`), a run of letters or signs with
 * at most one decimal point (`x.x`, `××.×`, `□□`, `＊＊.＊`: a figure counts once), asterisks
 * (two or more), 〇〇 and 某某 (two or more).
 */
const BLANK_RUN =
  /(?<![0-9０-９])(?:19|20|１９|２０)(?:[xXｘＸ]{2}(?![xXｘＸ])|××(?!×)|□□(?!□)|＊＊(?!＊))|[xXｘＸ]+(?:[.．][xXｘＸ]+)?|×+(?:[.．]×+)?|□+(?:[.．]□+)?|＊+(?:[.．]＊+)?|\*{2,}|〇{2,}|某{2,}/g;
const BLANK_CHARACTER = /[xXｘＸ*×□＊〇某]/;
/**
 * 〇〇 after a Chinese numeral, or before a digit, is part of a numeral (`二〇〇八年`, `一千〇〇…`),
 * not a blank; before a multiplier it is a blank (`〇〇万元`).
 */
const CJK_NUMERAL = /[〇零一二三四五六七八九十百千万两]/;
const CJK_DIGIT = /[〇零一二三四五六七八九]/;

/**
 * Every template blank in `text`, with offsets shifted by `offset` (the
 * position of `text` in the caller's input).
 */
export function findPlaceholders(text: string, offset: number): PlaceholderRecord[] {
  const records: PlaceholderRecord[] = [];
  // Every blank holds an x or an asterisk; this test is cheaper than BLANK_RUN's scan.
  if (!BLANK_CHARACTER.test(text)) return records;
  BLANK_RUN.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = BLANK_RUN.exec(text)) !== null) {
    const raw = match[0];
    const start = match.index;
    const end = start + raw.length;
    if (!isTemplateBlank(text, start, end, raw)) continue;
    records.push({ raw, kind: placeholderKind(text, start, end, raw), offset: offset + start });
  }
  return records;
}

/** Totals per kind, as `AnalysisJson.placeholderCounts`. */
export function countPlaceholders(records: readonly PlaceholderRecord[]): PlaceholderCounts {
  const counts: PlaceholderCounts = { total: 0, number: 0, year: 0, name: 0 };
  for (const record of records) {
    counts.total++;
    counts[record.kind]++;
  }
  return counts;
}

// ------------------------------------------------------------------ is it a blank?

/** `X光` / `X射线` (X-ray), `X轴` (axis), `X型` / `X形` (shape): a Latin letter used as a name. */
const LETTER_AS_WORD = /^(?:光|射线|线|轴|型|形|染色体)/;

function isTemplateBlank(text: string, start: number, end: number, raw: string): boolean {
  const before = text[start - 1] ?? '';
  const after = text[end] ?? '';
  if (raw[0] === '〇') {
    if (CJK_NUMERAL.test(before) || CJK_DIGIT.test(after)) return false;
  } else if (raw[0] === '×') {
    // `3×3`, `1×10⁶`: a multiplication sign.
    if (/[0-9０-９A-Za-z]/.test(before) || /[0-9０-９A-Za-z]/.test(after)) return false;
    // `“数据要素×”行动`, like `“人工智能+”`: an operator closing an initiative's name, not a blank.
    if (raw === '×' && isHan(before.charCodeAt(0)) && /^(?:[”"」』’）)]|行动)/.test(text.slice(end, end + 2))) return false;
  } else if (raw === '＊') {
    // One full-width asterisk is a footnote mark unless a number plainly belongs there: `＊个`.
    NUMBER_AFTER.lastIndex = end;
    if (!NUMBER_AFTER.test(text) && before !== '第') return false;
  }
  if (raw[0] === '*') {
    // `**kwargs`, `a**b`, `/** comment */` are code, not blanks; digits may touch
    // an asterisk blank: `《***2022年党委（党组）意识形态工作责任清单》`.
    if (/[A-Za-z_/]/.test(before) || /[A-Za-z_/]/.test(after)) return false;
  } else if (/[0-9０-９][+＋]$/.test(text.slice(Math.max(0, start - 2), start))) {
    // `“7+3+X”发展格局`, `“10+X”未来产业体系`: the open term of a formula code, like the N of `1+N`.
    return false;
  } else if (inJoinedBlanks(text, start, end)) {
    // `X-X-X`, `X/X`: blanks joined by - or / (a date, a ratio left blank), one per blank.
    return true;
  } else {
    // `Excel`, `XML`, `x86`, `Box`: part of a Latin word or a code (`ｘī＠②铜片`: OCR debris).
    if (LATIN_WORD_CHAR.test(before) || LATIN_WORD_CHAR.test(after)) return false;
    // URLs and paths: `www.x.com`, `/x/`, `a@x.cn`, `X-ray`.
    if (/[./\\@:#=&?~]/.test(before)) return false;
    if (/[/@]/.test(after)) return false;
    if (/[.\-]/.test(after) && LATIN_LETTER.test(text[end + 1] ?? '')) return false;
    if (raw.length === 1 && LETTER_AS_WORD.test(text.slice(end, end + 3))) return false;
  }
  // A Latin word on either side, even across a space: `Model X 汽车`.
  const previous = neighbourPastSpace(text, start - 1, -1);
  const next = neighbourPastSpace(text, end, 1);
  if (LATIN_LETTER.test(previous) || LATIN_LETTER.test(next)) return false;
  return isChineseContext(previous) || isChineseContext(next);
}

const JOINED_BLANKS = /^[xXｘＸ]{1,3}(?:[-/－／][xXｘＸ]{1,3})+$/;
const BLANK_OR_JOINER = /[xXｘＸ\-/－／]/;

/** Is the blank at [start, end) one of a chain `X-X-X` / `X/X` that Chinese text (not Latin) surrounds? */
function inJoinedBlanks(text: string, start: number, end: number): boolean {
  if (!/[-/－／]/.test((text[start - 1] ?? '') + (text[end] ?? ''))) return false;
  let from = start;
  while (from > 0 && BLANK_OR_JOINER.test(text[from - 1]!) && start - from < 40) from--;
  let to = end;
  while (to < text.length && BLANK_OR_JOINER.test(text[to]!) && to - end < 40) to++;
  if (!JOINED_BLANKS.test(text.slice(from, to))) return false;
  return !LATIN_LETTER.test(text[from - 1] ?? '') && !LATIN_LETTER.test(text[to] ?? '') && (isChineseContext(text[from - 1] ?? '') || isChineseContext(text[to] ?? ''));
}

function neighbourPastSpace(text: string, index: number, step: 1 | -1): string {
  let i = index;
  if (text[i] === ' ') i += step;
  return text[i] ?? '';
}

/** Han characters (Extension A included), CJK and full-width punctuation, quotes, brackets, %, +. */
function isChineseContext(char: string): boolean {
  if (char === '') return false;
  const code = char.charCodeAt(0);
  return (
    isHan(code) ||
    isHanExtensionA(code) ||
    (code >= 0x3000 && code <= 0x303f) ||
    (code >= 0xff00 && code <= 0xffef) ||
    (code >= 0x2010 && code <= 0x206f) ||
    '%+()[]"\',;:<>·'.includes(char)
  );
}

// ------------------------------------------------------------------ which kind?

/**
 * After a blank, what makes it a number: an optional 余/多, an optional
 * multiplier, then a measure word (`xx次`, `X万余人次`, `xxx余万元`, `X%`,
 * `x.x万平方米`), or words that only follow numbers (`X届`, `xx月`).
 */
const NUMBER_AFTER = new RegExp(
  `[余多]?(?:${MULTIPLIER_SOURCE}|${MEASURE_WORD_SOURCE}|届|季度|月|日|号)`,
  'y',
);
/**
 * Before a blank, words after which only a number can follow, when the blank
 * ends the clause: `整改率为***，`, `污染地块安全利用率xxx。`, `同比增长xx.xx。`.
 */
const NUMBER_BEFORE = /(?:率|比重|占比|增长|下降|提高|增加|减少|降低|增幅|降幅|达到|达|超过|超|近|约|共|累计|合计|总计)(?:为|是|达到|达|了)?$/;
/** Before `xx年`, what makes it a date (`《xx年民生领域整治工作方案》`), not a duration (`工作xx年`). */
const YEAR_BEFORE = new RegExp(`(?:^|[^${HAN}]|[于在至到从自]|截至)$`);

/**
 * The kind of a blank, from what follows and precedes it:
 *
 * - `year`: a year blank `20xx` (`20xx年度`, `20xx年xx市…`), or `xx年` opening
 *   a phrase (`《xx年民生领域整治工作方案》`).
 * - `number`: a decimal point (`x.x版`, `同比增长x.x`); after 第 (`第x位`,
 *   `第xx次党代会`); before a unit or measure word, possibly through 余/多 and
 *   万/亿 (`xx次`, `x.x万平方米`, `xxx余万元`, `X万余人次`, `X%`, `xx个`,
 *   `“xx分钟服务圈”`, `区委X届X次全会`); next to `+` (`“X+X”方案`); or ending a
 *   clause after a rate or a comparison (`整改率为***，`, `利用率xxx。`);
 *   and `工作xx年` (a duration).
 * - `name`: everything else, typically before an organ, a place or a person
 *   (`xx区委`, `XX大学`, `X区`, `xx市`, `X省`, `组长X同志`, `X等X名同志`),
 *   inside quotes or titles (`“xx大姐”`, `“魅力X”`, `《***区意识形态…办法》`),
 *   or standing for a place or a programme (`视察X重要讲话`, `开展X活动`).
 */
function placeholderKind(text: string, start: number, end: number, raw: string): PlaceholderKind {
  if (/^(?:19|20|１９|２０)/.test(raw)) return 'year';
  // `某某同志`, `某某单位`: 某某 stands for a name, never a number.
  if (raw[0] === '某') return text[end] === '年' ? 'year' : 'name';
  if (raw[0] !== '*' && text[end] === '年') {
    if (text[end + 1] === '度') return 'year';
    return YEAR_BEFORE.test(text.slice(Math.max(0, start - 2), start)) ? 'year' : 'number';
  }
  if (/[.．]/.test(raw)) return 'number';
  if (text[start - 1] === '第') return 'number';
  NUMBER_AFTER.lastIndex = end;
  if (NUMBER_AFTER.test(text)) return 'number';
  if (text[end] === '+' || text[start - 1] === '+') return 'number';
  const before = text.slice(Math.max(0, start - 6), start);
  if (NUMBER_BEFORE.test(before) && endsClauseAt(text, end)) return 'number';
  return 'name';
}
