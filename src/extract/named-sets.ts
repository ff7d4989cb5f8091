/**
 * Unquoted named sets (SPEC §4): a numeral + 大 + a program noun, the way local reports name their
 * campaigns and projects without quotes: `碳达峰十大行动`, `科技兴赣六大行动`, `3大标志性工程`.
 * Only program nouns: a selection (`十大标志性项目`, `十佳案例`) and a category (`三大主粮`) stay out. The class was read on the provincial development reports
 * (Hunan, Jiangxi, Liaoning) and checked on the national reports, where `三大攻坚战` and the like
 * are dictionary forms.
 */
import { arabicDigitsValue } from '../text/numerals.js';
import { chineseCardinalValue } from './slogan-numerals.js';

export interface NamedSet {
  start: number;
  end: number;
  text: string;
  count: number | null;
}

/**
 * The numeral (one or two Chinese digits, or one or two Arabic ones), 大 (or 篇大, 件大: `十篇大文章`), at most four
 * characters of qualifier, and the program noun. Not after another numeral or 第 (`第三大`); an Arabic one
 * not after a point (a decimal), a Chinese one may follow a glossary's `1.` (`1.六大优势产业：`). Regions
 * named as a set count too: `三大都市圈` (Hubei), `四大都市区` (Zhejiang), `五大片区` (Sichuan).
 */
const NAMED_SET =
  /(?<![一二三四五六七八九十百千万两0-9０-９第])((?<![.．])[1-9][0-9]?|[一二三四五六七八九十]{1,2})[篇件]?大([\p{Script=Han}]{0,4}?)(行动|工程|攻坚行动|攻坚战|攻坚|领域|产业集群|产业(?![链园区集转基])|集群|平台|战略|任务|文章|高地|都市圈|都市区|片区)/gu;
const LONGEST_QUALIFIER_WITHOUT_NOUN_WORD = 4;

/** `五个“必须统筹”`: a count + 个 before the quoted name of what it counts; the whole is the formula. */
const COUNTED_QUOTE = /(?<![一二三四五六七八九十百千万两0-9第])([一二三四五六七八九十两]{1,2})个[“"]([\p{Script=Han}]{2,8})[”"]/gu;

export function findNamedSets(text: string): NamedSet[] {
  const sets: NamedSet[] = [];
  for (const match of text.matchAll(COUNTED_QUOTE)) {
    const count = chineseCardinalValue(match[1]!);
    if (count === null || count < 2) continue;
    sets.push({ start: match.index!, end: match.index! + match[0].length, text: match[0], count });
  }
  for (const match of text.matchAll(NAMED_SET)) {
    const [whole, numeral, qualifier] = match;
    if (qualifier!.length > LONGEST_QUALIFIER_WITHOUT_NOUN_WORD || /[的和与及、]/.test(qualifier!)) continue;
    const count = /^[0-9]/.test(numeral!) ? arabicDigitsValue(numeral!) : chineseCardinalValue(numeral!);
    if (count === null || count < 2) continue;
    sets.push({ start: match.index!, end: match.index! + whole!.length, text: whole!, count });
  }
  return sets.sort((a, b) => a.start - b.start);
}
