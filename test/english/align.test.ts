/** A Chinese report and its English translation side by side (fixtures written for the test in the official style). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { align } from '../../src/english/align.js';
import { runCli } from '../helpers/cli.js';

const path = (name: string) => fileURLToPath(new URL(`../../fixtures/english/${name}`, import.meta.url));
const chinese = readFileSync(path('report-zh.txt'), 'utf8');
const english = readFileSync(path('report-en.txt'), 'utf8');

describe('align', () => {
  const alignment = align(chinese, english);

  it('pairs the sections by heading order, whatever their markers', () => {
    const pairs = alignment.sections.filter((section) => section.path.length > 0).map((section) => [section.path.join('.'), section.zh?.marker, section.en?.marker]);
    expect(pairs).toEqual([
      ['1', '一、', 'I.'],
      ['1.1', '1.', '1.'],
      ['1.1.1', '（1）', '(1)'],
      ['1.1.2', '（2）', '(2)'],
      ['1.2', '2.', '2.'],
      ['2', '二、', 'II.'],
      ['2.1', '1.', '1.'],
      ['2.1.1', '（1）', '(a)'],
    ]);
  });

  it('matches each formula of a Chinese section with its rendering in the paired English one, and lists the missing', () => {
    const review = alignment.sections.find((section) => section.path.join('.') === '1')!;
    expect(review.formulas.map((formula) => [formula.canonical, formula.zh, formula.en, formula.status])).toEqual([
      ['两个维护', 1, 1, 'matched'],
      ['四个意识', 1, 1, 'matched'],
      ['中央八项规定', 1, 1, 'matched'],
      ['四风', 1, 1, 'matched'],
    ]);
    // 三严三实 is in the Chinese 二、1. and not in the English II. 1.
    expect(alignment.missingInEnglish).toEqual([{ path: [2, 1], canonical: '三严三实', english: 'Three Stricts and Three Earnests', missing: 1 }]);
    expect(alignment.missingInChinese).toEqual([]);
  });

  it('lists a formula the translation adds, and one whose rendering is unknown cannot be checked', () => {
    const added = align('一、总体要求\n坚定“四个自信”，落实“三重一大”制度。\n', 'I. Overall Requirements\nWe upheld the Four Confidences and the Two Upholds.\n');
    expect(added.missingInChinese).toEqual([{ path: [1], canonical: '两个维护', english: 'Two Upholds', missing: 1 }]);
    expect(added.sections[1]!.formulas.find((formula) => formula.canonical === '三重一大')).toMatchObject({ status: 'no-rendering', zh: 1, en: 0 });
    expect(added.missingInEnglish).toEqual([]);
  });
});

describe('gongwen align', () => {
  it('prints the pairs and the missing formulas, and exits 1 when something is missing', async () => {
    const result = await runCli(['align', path('report-zh.txt'), path('report-en.txt')]);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stdout).toContain('一、 2023年工作回顾  ↔  I. A Review of Our Work in 2023');
    expect(result.stdout).toContain('missing-in-english 三严三实  Three Stricts and Three Earnests  zh 1 · en 0');
    expect(result.stdout).toContain('missing in English: 1, missing in Chinese: 0');
    const json = await runCli(['align', '--json', path('report-zh.txt'), path('report-en.txt')]);
    expect(JSON.parse(json.stdout).missingInEnglish).toHaveLength(1);
  });
});

describe('the package', () => {
  it('exports the English API from gongwen', async () => {
    const root = await import('gongwen');
    expect(root.align(chinese, english).missingInEnglish.map((missing) => missing.canonical)).toEqual(['三严三实']);
    expect(root.englishRendering('两个维护')).toBe('Two Upholds');
    expect(root.exportGlossary(root.loadGlossary(), 'json').startsWith('[')).toBe(true);
    expect(root.detectLanguage(english)).toBe('en');
  });
});
