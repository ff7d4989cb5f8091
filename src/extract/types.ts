/**
 * Flat records of what the extractors find: the stable JSON that
 * `gongwen analyze --json` prints and that other tools read. Field names are
 * a public contract: add, never rename.
 *
 * Every offset is a UTF-16 index into the caller's original input.
 */
import type { PlaceholderKind, SectionRole, EnumerationStyle, AnyHeadingStyle } from '../tree/types.js';

export interface HeadingRecord {
  depth: number;
  marker: string;
  style: AnyHeadingStyle;
  ordinal: number;
  text: string;
  role: SectionRole;
  offset: number;
}

export interface EnumerationRecord {
  marker: string;
  style: EnumerationStyle;
  ordinal: number;
  lead: string;
  offset: number;
}

export interface SloganRecord {
  /** As written, quotes excluded: `二个维护`. */
  text: string;
  /** Dictionary form when known (`两个维护`), else the text itself. */
  canonical: string;
  /** The number the slogan stands for (4 for 四个意识), null when it has none (`三重一大` → 3? see dicts). */
  count: number | null;
  quoted: boolean;
  known: boolean;
  /**
   * false for a named formula without a numeral (`新发展理念`): a 提法 the dictionary knows, kept
   * for readers, but not a numbered slogan (SPEC §4) and left out of numbered counts.
   */
  numbered: boolean;
  offset: number;
  /** Length in UTF-16 units of `text` in the input. */
  length: number;
  /** The preferred official English rendering (dicts/slogans-en.yaml), null when none was found or the slogan is unknown. */
  english: string | null;
}

export interface PlaceholderRecord {
  raw: string;
  kind: PlaceholderKind;
  offset: number;
}

export interface PlaceholderCounts {
  total: number;
  number: number;
  year: number;
  name: number;
}

export type UnitKind =
  | 'count'
  | 'person'
  | 'money'
  | 'percent'
  | 'percentage-point'
  | 'area'
  | 'length'
  | 'weight'
  | 'volume'
  | 'energy'
  | 'time'
  | 'rank'
  | 'other';

export type Qualifier = '余' | '多' | '几' | '数' | '近' | '超' | '约' | '以上' | '左右' | '以内' | '以下' | '不到' | '超过' | '逾';
/** Qualifiers of the English translations (src/english/metrics.ts), before the number: `around 5 percent`. */
export type EnglishQualifier =
  | 'around'
  | 'about'
  | 'approximately'
  | 'roughly'
  | 'over'
  | 'more than'
  | 'above'
  | 'nearly'
  | 'almost'
  | 'close to'
  | 'under'
  | 'below'
  | 'less than'
  | 'at least'
  | 'up to';
export type Stance = 'actual' | 'target';

export interface MetricRecord {
  /** The metric as written, from number (or leading qualifier) to unit: `近x亿元`, `7次`, `6%－6.5%`. */
  raw: string;
  /** The number as written: `1.5万`, `二十`, `xx`. */
  number: string;
  /** Plain value with 万/亿/万亿 applied; null for a placeholder. */
  value: number | null;
  /** Upper bound of a range (`6%－6.5%` → 6.5), else null. */
  valueHigh: number | null;
  unit: string;
  unitKind: UnitKind;
  /** `约`, `左右`…; in an English report `around`, `over`… */
  qualifier: Qualifier | EnglishQualifier | null;
  /** 同比增长, 增长, 下降, 提高, 占比, 达到, 完成率, 满意率, 排名 … or null. */
  comparison: string | null;
  /** The verb it counts: 召开, 查处, 完成 … or null. */
  predicate: string | null;
  /** What it counts: 区委常委会会议, 问题 … or null. */
  subject: string | null;
  stance: Stance;
  /** The headline indicator the metric states (`国内生产总值增长8%左右` → gdp-growth), else null. */
  indicator: IndicatorId | null;
  placeholder: boolean;
  offset: number;
  /** The sentence holding it, as [start, end) offsets into the input. */
  sentence: { start: number; end: number };
}

/**
 * Headline indicators of a 政府工作报告 (src/extract/indicators.ts): GDP growth,
 * consumer prices, new urban jobs, the surveyed and the registered urban
 * unemployment rate, the deficit ratio, grain output, energy use per unit of GDP;
 * and the main targets local reports add: budget revenue, industrial output,
 * fixed-asset investment, retail sales, foreign trade, disposable income and R&D
 * intensity.
 */
export type IndicatorId =
  | 'gdp-growth'
  | 'cpi'
  | 'urban-jobs'
  | 'surveyed-unemployment'
  | 'registered-unemployment'
  | 'deficit-ratio'
  | 'grain-output'
  | 'energy-intensity'
  | 'fiscal-revenue'
  | 'industry-growth'
  | 'investment-growth'
  | 'retail-growth'
  | 'trade-growth'
  | 'income-growth'
  | 'rd-intensity';

/** One indicator's figure: a report's target for the coming year, or its outcome for the past one. */
export interface IndicatorRecord {
  indicator: IndicatorId;
  value: number | null;
  valueHigh: number | null;
  unit: string;
  qualifier: string | null;
  /** The metric as written: `8%左右`. */
  raw: string;
  offset: number;
}

export interface WarningRecord {
  rule: string;
  message: string;
  offset: number;
}

/** `gongwen analyze --json`: exactly this shape. */
export interface AnalysisJson {
  title: string | null;
  year: number | null;
  docType: string | null;
  headings: HeadingRecord[];
  enumerations: EnumerationRecord[];
  slogans: SloganRecord[];
  placeholders: PlaceholderRecord[];
  placeholderCounts: PlaceholderCounts;
  metrics: MetricRecord[];
  /** Per indicator, the main target set for the coming year (a 政府工作报告's 主要预期目标). */
  targets: IndicatorRecord[];
  /** Per indicator, the value the report states for the past year. */
  outcomes: IndicatorRecord[];
  warnings: WarningRecord[];
}
