/**
 * Metrics of English text from compromise's numbers, in the record shape of the Chinese
 * metrics (src/extract/types.ts): `grew by 5.2 percent`, `12.56 million new urban jobs`,
 * `around 5 percent`, `over 1 trillion yuan`, `a deficit-to-GDP ratio of 3 percent`.
 *
 * A number is a metric when it has a unit: the one compromise attaches (`percent`, `yuan`,
 * `%`), or a noun right after it (`12.56 million new urban jobs` → jobs). Years (`in 2023`),
 * ordinals (`the 14th Five-Year Plan`) and numbers inside a formula (`the Two Upholds`)
 * are not metrics.
 */
import type { EnglishQualifier, IndicatorId, MetricRecord, Stance, UnitKind } from '../extract/types.js';
import type { NlpNumber, NlpTerm } from './nlp.js';

const QUALIFIERS: readonly EnglishQualifier[] = [
  'more than', 'close to', 'less than', 'at least', 'up to',
  'around', 'about', 'approximately', 'roughly', 'over', 'above', 'nearly', 'almost', 'under', 'below',
];

const UNIT_KINDS: ReadonlyArray<[RegExp, UnitKind]> = [
  [/^(percentage points?)$/, 'percentage-point'],
  [/^(percent|per cent|%)$/, 'percent'],
  [/^(yuan|rmb|renminbi|dollars?|us dollars?|euros?)$/, 'money'],
  [/^(metric tons?|tons?|tonnes?|kilograms?|kg)$/, 'weight'],
  [/^(hectares?|mu|square kilometers?|square meters?)$/, 'area'],
  [/^(kilometers?|km|meters?)$/, 'length'],
  [/^(kilowatt-hours?|kwh|kilowatts?|gigawatts?|gw)$/, 'energy'],
  [/^(years?|months?|days?|hours?)$/, 'time'],
  [/^(people|persons?|residents?|workers?|students?|graduates?)$/, 'person'],
];

/** Comparison verbs before a number, by their root: `grew by` → grow. */
const COMPARISONS = new Set(['grow', 'increase', 'rise', 'fall', 'decline', 'drop', 'decrease', 'reduce', 'cut', 'reach', 'exceed', 'expand', 'up', 'down']);
const TARGET_WORDS = /\b(target|targets|projected|aim|aims|expected|goal|goals|will|plan to|strive|set at|keep)\b/i;

interface IndicatorRule {
  id: IndicatorId;
  words: RegExp;
  kinds: readonly UnitKind[];
}
const INDICATORS: readonly IndicatorRule[] = [
  { id: 'deficit-ratio', words: /deficit-to-gdp ratio|deficit ratio/i, kinds: ['percent'] },
  { id: 'surveyed-unemployment', words: /surveyed (urban )?unemployment/i, kinds: ['percent'] },
  { id: 'registered-unemployment', words: /registered (urban )?unemployment/i, kinds: ['percent'] },
  { id: 'energy-intensity', words: /energy (consumption|use) per unit of gdp|energy intensity/i, kinds: ['percent'] },
  { id: 'cpi', words: /\bcpi\b|consumer price/i, kinds: ['percent'] },
  { id: 'gdp-growth', words: /\bgdp\b|gross domestic product/i, kinds: ['percent'] },
  { id: 'urban-jobs', words: /urban jobs/i, kinds: ['count', 'other'] },
  { id: 'grain-output', words: /grain (output|production|harvest)/i, kinds: ['weight'] },
];

export interface SentenceInput {
  /** The whole input; offsets are into it. */
  text: string;
  start: number;
  end: number;
  terms: readonly NlpTerm[];
  numbers: readonly NlpNumber[];
  /** Ranges other findings hold (formulas): numbers inside are not metrics. */
  claimed: ReadonlyArray<{ start: number; end: number }>;
  /** The section states plans: a figure there is a target unless the sentence says otherwise. */
  inPlans: boolean;
}

/** The metric records of one sentence (their `index` is set by the caller). */
export function findEnglishMetrics(input: SentenceInput): MetricRecord[] {
  const { text, terms } = input;
  const records: MetricRecord[] = [];
  for (const number of input.numbers) {
    const first = terms[number.firstTerm]!;
    let last = terms[number.lastTerm]!;
    if (input.claimed.some((claim) => first.start < claim.end && last.end > claim.start)) continue;
    if (first.tags.includes('Ordinal')) continue;
    const spelledOut = !/\d/.test(first.text);

    // The unit: compromise's, else `%` written on the number, else the noun that follows.
    let unit = number.unit.toLowerCase();
    let unitEnd = last.end;
    let subject: string | null = null;
    if (unit !== '') {
      const unitTerms = unit.split(/\s+/).length;
      const unitLast = terms[number.lastTerm + unitTerms];
      if (unitLast && unit.endsWith(unitLast.normal)) unitEnd = unitLast.end;
      else {
        const next = terms[number.lastTerm + 1];
        if (next && unit.startsWith(next.normal)) unitEnd = next.end;
      }
    } else if (number.suffix === '%' || last.text.endsWith('%')) {
      unit = '%';
    } else {
      const noun = followingNoun(terms, number.lastTerm);
      if (noun !== null) {
        unitEnd = noun.head.end;
        const phrase = text.slice(terms[number.lastTerm + 1]!.start, noun.head.end);
        // A measure (`metric tons`) is the unit; a thing counted (`new urban jobs`) is the subject.
        if (kindOf(phrase.toLowerCase()) !== 'count') unit = phrase.toLowerCase();
        else {
          unit = noun.head.normal;
          subject = phrase;
        }
      }
    }
    if (unit === 'percentage') {
      const next = terms[number.lastTerm + 2];
      if (next && /^points?$/.test(next.normal)) {
        unit = 'percentage points';
        unitEnd = next.end;
      }
    }
    if (unit === '') continue;
    const unitKind = kindOf(unit);
    if (spelledOut && unitKind === 'count') continue; // `two years` yes, `one of` / `three areas` no
    if (unitKind === 'count' && Number.isInteger(number.value) && number.value >= 1900 && number.value <= 2100 && subject === null) continue;

    const qualifier = qualifierBefore(terms, number.firstTerm);
    const rawStart = qualifier === null ? first.start : qualifier.start;
    const comparison = comparisonBefore(terms, number.firstTerm);
    const sentenceText = text.slice(input.start, input.end);
    // The indicator is named in the metric's own clause: from the last `,` or `;` before it to the next one after.
    const clauseStart = Math.max(input.start, text.lastIndexOf(',', rawStart) + 1, text.lastIndexOf(';', rawStart) + 1);
    const clauseEnd = Math.min(...[',', ';'].map((mark) => text.indexOf(mark, unitEnd)).filter((at) => at >= 0), input.end);
    const clause = text.slice(clauseStart, clauseEnd);
    const stance: Stance = TARGET_WORDS.test(sentenceText) || (input.inPlans && !/\b(was|were|grew|rose|fell|reached|increased|decreased|added)\b/i.test(sentenceText)) ? 'target' : 'actual';
    const unitKindFinal = unitKind === 'other' && unit === '%' ? 'percent' : unitKind;
    const indicator = INDICATORS.find((rule) => rule.kinds.includes(unitKindFinal) && rule.words.test(clause))?.id ?? null;
    last = terms[number.lastTerm]!;
    records.push({
      raw: text.slice(rawStart, unitEnd),
      number: text.slice(first.start, last.end),
      value: number.value,
      valueHigh: null,
      unit,
      unitKind: unitKindFinal,
      qualifier: qualifier?.qualifier ?? null,
      comparison,
      predicate: comparison,
      subject,
      stance,
      indicator,
      placeholder: false,
      offset: rawStart,
      sentence: { start: input.start, end: input.end },
    });
  }
  return records;
}

function kindOf(unit: string): UnitKind {
  for (const [pattern, kind] of UNIT_KINDS) if (pattern.test(unit)) return kind;
  return unit === '%' ? 'percent' : 'count';
}

/** A noun within three terms after the number, adjectives between (`new urban jobs`). */
function followingNoun(terms: readonly NlpTerm[], lastNumberTerm: number): { head: NlpTerm } | null {
  for (let k = lastNumberTerm + 1; k <= lastNumberTerm + 3 && k < terms.length; k++) {
    const term = terms[k]!;
    if (term.tags.includes('Noun') && !term.tags.includes('Pronoun') && !term.tags.includes('Value')) {
      // The head is the last noun of the run: `square kilometers`.
      let head = term;
      while (k + 1 < terms.length && terms[k + 1]!.tags.includes('Noun') && !terms[k + 1]!.tags.includes('Value')) head = terms[++k]!;
      return { head };
    }
    if (!term.tags.includes('Adjective')) return null;
  }
  return null;
}

function qualifierBefore(terms: readonly NlpTerm[], firstNumberTerm: number): { qualifier: EnglishQualifier; start: number } | null {
  for (const qualifier of QUALIFIERS) {
    const words = qualifier.split(' ');
    const from = firstNumberTerm - words.length;
    if (from < 0) continue;
    if (words.every((word, k) => terms[from + k]!.normal === word)) return { qualifier, start: terms[from]!.start };
  }
  return null;
}

function comparisonBefore(terms: readonly NlpTerm[], firstNumberTerm: number): string | null {
  // `grew by 5.2 percent`, `increased 3 percent`, `up 4.6 percent`: a verb within three terms back.
  for (let k = firstNumberTerm - 1; k >= Math.max(0, firstNumberTerm - 4); k--) {
    const term = terms[k]!;
    const root = rootOf(term);
    if (COMPARISONS.has(root)) return root;
  }
  return null;
}

const IRREGULAR: Record<string, string> = { grew: 'grow', rose: 'rise', fell: 'fall', cut: 'cut', dropped: 'drop' };

function rootOf(term: NlpTerm): string {
  const normal = term.normal;
  if (IRREGULAR[normal]) return IRREGULAR[normal]!;
  for (const suffix of ['ed', 'es', 's', 'd']) {
    if (normal.endsWith(suffix) && COMPARISONS.has(normal.slice(0, -suffix.length))) return normal.slice(0, -suffix.length);
  }
  if (normal.endsWith('ing') && COMPARISONS.has(normal.slice(0, -3))) return normal.slice(0, -3);
  if (normal.endsWith('ing') && COMPARISONS.has(normal.slice(0, -3) + 'e')) return normal.slice(0, -3) + 'e';
  return normal;
}
