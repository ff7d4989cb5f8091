/**
 * A Chinese report and its English translation side by side, the check a translator runs:
 * sections are paired by heading order (the k-th subsection of the k-th section, whatever
 * the markers: `一、` ↔ `I.`, `（一）` ↔ `1.`), and each formula of a Chinese section is
 * looked for, under its canonical form, among the formulas of the paired English section
 * (found by their official renderings). What is missing on either side is listed.
 */
import { analyze, type Analysis } from '../analyze.js';
import type { SloganRecord } from '../extract/types.js';
import type { RootNode, Section } from '../tree/types.js';
import { loadGlossary } from './glossary.js';

/** A section of one side: its place in the heading order and what it says. */
export interface AlignedHeading {
  marker: string;
  text: string;
  offset: number;
}

/** One formula in one pair of sections. */
export interface AlignedFormula {
  canonical: string;
  /** The preferred official rendering, or null when the glossary states none was found. */
  english: string | null;
  /** Occurrences in the Chinese and in the English section. */
  zh: number;
  en: number;
  /**
   * `matched`: as often on both sides; `missing-in-english` / `missing-in-chinese`: fewer
   * on that side; `no-rendering`: the glossary has no English for it, so the English side
   * cannot be checked.
   */
  status: 'matched' | 'missing-in-english' | 'missing-in-chinese' | 'no-rendering';
}

export interface AlignedSection {
  /** Position in the heading order: [] the preamble, [1] the first top section, [1, 2] its second subsection. */
  path: number[];
  zh: AlignedHeading | null;
  en: AlignedHeading | null;
  formulas: AlignedFormula[];
}

export interface Alignment {
  sections: AlignedSection[];
  /** Formulas of the Chinese side not (or not as often) in the paired English section. */
  missingInEnglish: Array<{ path: number[]; canonical: string; english: string | null; missing: number }>;
  /** Formulas of the English side not (or not as often) in the paired Chinese section. */
  missingInChinese: Array<{ path: number[]; canonical: string; english: string | null; missing: number }>;
}

interface Placed {
  path: number[];
  section: Section | null;
}

/** Aligns two texts (Chinese first); each is analyzed in its own language. */
export function align(chinese: string, english: string): Alignment {
  return alignAnalyses(analyze(chinese, { language: 'zh', segmenter: 'runs' }), analyze(english, { language: 'en' }));
}

/** Aligns two analyses already made. */
export function alignAnalyses(chinese: Analysis, english: Analysis): Alignment {
  const glossary = loadGlossary();
  const zhSections = placedSections(chinese.tree);
  const enSections = placedSections(english.tree);
  const zhCounts = countsBySection(chinese.slogans, zhSections);
  const enCounts = countsBySection(english.slogans, enSections);

  const keys = new Map<string, number[]>();
  for (const placed of [...zhSections, ...enSections]) keys.set(placed.path.join('.'), placed.path);
  const ordered = [...keys.values()].sort(comparePaths);

  const alignment: Alignment = { sections: [], missingInEnglish: [], missingInChinese: [] };
  for (const path of ordered) {
    const key = path.join('.');
    const zhSection = zhSections.find((placed) => placed.path.join('.') === key);
    const enSection = enSections.find((placed) => placed.path.join('.') === key);
    const zh = zhCounts.get(key) ?? new Map<string, number>();
    const en = enCounts.get(key) ?? new Map<string, number>();
    const formulas: AlignedFormula[] = [];
    for (const canonical of new Set([...zh.keys(), ...en.keys()])) {
      const entry = glossary.byCanonical.get(canonical);
      const rendering = entry?.renderings[0]?.text ?? null;
      const zhCount = zh.get(canonical) ?? 0;
      const enCount = en.get(canonical) ?? 0;
      const status: AlignedFormula['status'] =
        rendering === null ? 'no-rendering' : zhCount > enCount ? 'missing-in-english' : enCount > zhCount ? 'missing-in-chinese' : 'matched';
      formulas.push({ canonical, english: rendering, zh: zhCount, en: enCount, status });
      if (status === 'missing-in-english') alignment.missingInEnglish.push({ path, canonical, english: rendering, missing: zhCount - enCount });
      if (status === 'missing-in-chinese') alignment.missingInChinese.push({ path, canonical, english: rendering, missing: enCount - zhCount });
    }
    alignment.sections.push({ path, zh: headingOf(zhSection), en: headingOf(enSection), formulas });
  }
  return alignment;
}

function headingOf(placed: Placed | undefined): AlignedHeading | null {
  if (placed === undefined || placed.section === null) return null;
  const section = placed.section;
  return { marker: section.marker.raw, text: section.text, offset: section.position.start.offset! };
}

/** The preamble (path []) and every section with its path in the heading order. */
function placedSections(tree: RootNode): Placed[] {
  const placed: Placed[] = [{ path: [], section: null }];
  const visit = (children: ReadonlyArray<{ type: string }>, path: number[]) => {
    let k = 0;
    for (const child of children) {
      if (child.type !== 'Section') continue;
      const section = child as Section;
      const here = [...path, ++k];
      placed.push({ path: here, section });
      visit(section.children, here);
    }
  };
  visit(tree.children, []);
  return placed;
}

/** Per section path, occurrences of each canonical form in the section's own text (not its subsections'). */
function countsBySection(slogans: readonly SloganRecord[], sections: readonly Placed[]): Map<string, Map<string, number>> {
  const counts = new Map<string, Map<string, number>>();
  for (const slogan of slogans) {
    if (!slogan.known) continue;
    // The deepest section holding the slogan: sections nest, so the longest path wins.
    let owner: Placed = sections[0]!;
    for (const placed of sections) {
      const section = placed.section;
      if (section === null) continue;
      if (slogan.offset >= section.position.start.offset! && slogan.offset < section.position.end.offset! && placed.path.length > owner.path.length) owner = placed;
    }
    const key = owner.path.join('.');
    const map = counts.get(key) ?? new Map<string, number>();
    map.set(slogan.canonical, (map.get(slogan.canonical) ?? 0) + 1);
    counts.set(key, map);
  }
  return counts;
}

function comparePaths(a: readonly number[], b: readonly number[]): number {
  for (let k = 0; k < Math.min(a.length, b.length); k++) if (a[k] !== b[k]) return a[k]! - b[k]!;
  return a.length - b.length;
}
