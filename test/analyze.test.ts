import { describe, expect, it } from 'vitest';
import { visit } from 'unist-util-visit';
import { analyze, analyzeJson, toJson, toString, type Metric, type Placeholder, type SentenceNode, type Slogan } from '../src/index.js';
import { allNodes, expectExactPositions } from './helpers/tree.js';
import { archiveRecords, fixtureNames, governmentReport, readFixture } from './helpers/fixtures.js';

describe('analyze keeps the tree lossless with the inline nodes in it', () => {
  for (const name of fixtureNames()) {
    it(name, () => {
      const text = readFixture(name);
      const analysis = analyze(text);
      expect(toString(analysis.tree)).toBe(text);
      // Every node, the Slogan, Placeholder and Metric nodes among them, covers exactly its text.
      expectExactPositions(text, allNodes(analysis.tree));
    });
  }
});

describe('inline nodes stand for the flat records', () => {
  const text = readFixture('seed-000');
  const analysis = analyze(text);

  it('every metric record has its Metric node, covering exactly its raw text', () => {
    const nodes: Metric[] = [];
    visit(analysis.tree, 'Metric', (node) => {
      nodes.push(node as Metric);
    });
    expect(nodes.map((node) => node.index)).toEqual(analysis.metrics.map((_, index) => index));
    for (const node of nodes) expect(toString(node)).toBe(analysis.metrics[node.index]!.raw);
  });

  it('placeholder nodes carry the kind of their record', () => {
    const nodes: Placeholder[] = [];
    visit(analysis.tree, 'Placeholder', (node) => {
      nodes.push(node as Placeholder);
    });
    expect(nodes).toHaveLength(analysis.placeholders.length);
    expect(nodes.map((node) => [toString(node), node.kind])).toEqual(analysis.placeholders.map((record) => [record.raw, record.kind]));
  });

  it('a quoted slogan node includes its quotes: “两个维护”', () => {
    const slogans: Slogan[] = [];
    visit(analysis.tree, 'Slogan', (node) => {
      slogans.push(node as Slogan);
    });
    const upholds = slogans.find((slogan) => slogan.canonical === '两个维护')!;
    expect(toString(upholds)).toBe('“两个维护”');
    expect(upholds).toMatchObject({ quoted: true, known: true, count: 2 });
  });

  it('a slogan node takes in only the quotes it fills, and not ＂ or a stray ” (as always)', () => {
    const report = analyze('一、总体\n坚持“坚持两个维护”，落实＂四个意识＂，做到‘两个确立’，组织”三会一课”，“ 双拥 ”。\n');
    const written: string[] = [];
    visit(report.tree, 'Slogan', (node) => {
      written.push(toString(node as Slogan));
    });
    expect(written).toEqual(['两个维护', '四个意识', '‘两个确立’', '三会一课', '双拥']);
  });

  it('metric sentences are flagged: 召开…会议7次 style sentences yes, the opening sentence no', () => {
    const flagged: string[] = [];
    const plain: string[] = [];
    visit(analysis.tree, 'SentenceNode', (node) => {
      ((node as SentenceNode).metric ? flagged : plain).push(toString(node as SentenceNode));
    });
    expect(flagged.some((sentence) => sentence.includes('集中研讨x次'))).toBe(true);
    expect(plain.some((sentence) => sentence.startsWith('xx区委坚持以习近平新时代中国特色社会主义思想为指导'))).toBe(true);
    for (const metric of analysis.metrics) {
      expect(flagged.some((sentence) => text.slice(metric.sentence.start, metric.sentence.end) === sentence)).toBe(true);
    }
  });
});

describe('document facts', () => {
  it('reads a byline in full-width digits: ——２０２４年３月５日', () => {
    expect(toJson(analyze('政府工作报告\n\n——２０２４年３月５日在第十四届全国人民代表大会第二次会议上\n\n各位代表：\n现在，我代表国务院，向大会报告政府工作。')).year).toBe(2024);
  });

  it.each([
    ['seed-000', '2021年落实全面从严治党主体责任情况报告', 2021, '情况报告'],
    ['seed-001', null, 2021, null],
    ['seed-003', '区关于2022年落实全面从严治党主体责任工作总结', 2022, '工作总结'],
    ['seed-004', '区委常委会工作报告', 2019, '工作报告'],
    ['gwr-2019', null, 2019, '政府工作报告'],
    ['gwr-2021', '政府工作报告', 2021, '政府工作报告'],
    ['gwr-1997', null, 1997, '政府工作报告'],
    ['gwr-2017', '政府工作报告', 2017, '政府工作报告'],
  ])('%s: title %s, year %s, type %s', (name, title, year, docType) => {
    const json = toJson(analyze(readFixture(name)));
    expect([json.title, json.year, json.docType]).toEqual([title, year, docType]);
  });
});

describe('stance across paragraphs', () => {
  it('a paragraph ending in 主要预期目标是： makes the next paragraph\'s metrics targets, until a heading', () => {
    const text = '一、工作回顾\n国内生产总值增长9.5%。\n今年发展的主要预期目标是：\n国内生产总值增长8%左右。\n二、其他\n城镇新增就业1200万人。\n';
    expect(analyze(text).metrics.map((metric) => [metric.raw, metric.stance])).toEqual([
      ['9.5%', 'actual'],
      ['8%左右', 'target'],
      ['1200万人', 'actual'],
    ]);
  });
});

describe('warnings carry positions, whichever layer raised them', () => {
  it('input, numbering, quote and slogan warnings all point at their offset', () => {
    const text = '\u0000一、甲\n三、丙\n坚持“严。做到二个维护。';
    const warnings = analyze(text).report.warnings;
    expect(warnings.map((warning) => warning.rule).sort()).toEqual(['binary-input', 'numbering-gap', 'slogan-variant', 'unclosed-quote']);
    for (const warning of warnings) expect(warning.position?.start.offset).toBe(warning.offset);
  });

  it('zero-width characters alone are empty input', () => {
    expect(analyze('\u200b\u2060\n').report.warnings.map((warning) => warning.rule)).toEqual(['empty-input']);
  });
});

describe('the JSON of gongwen analyze --json', () => {
  it('has exactly the documented fields', () => {
    const json = toJson(analyze(readFixture('seed-002')));
    expect(Object.keys(json)).toEqual(['title', 'year', 'docType', 'headings', 'enumerations', 'slogans', 'placeholders', 'placeholderCounts', 'metrics', 'targets', 'outcomes', 'warnings']);
    expect(Object.keys(json.headings[0]!)).toEqual(['depth', 'marker', 'style', 'ordinal', 'text', 'role', 'offset']);
    expect(Object.keys(json.metrics[0]!)).toEqual([
      'raw', 'number', 'value', 'valueHigh', 'unit', 'unitKind', 'qualifier', 'comparison', 'predicate', 'subject', 'stance', 'indicator', 'placeholder', 'offset', 'sentence',
    ]);
    expect(json.headings[0]).toMatchObject({ depth: 1, marker: '一、', ordinal: 1, text: '工作开展情况', role: 'achievements', offset: 0 + readFixture('seed-002').indexOf('一、工作开展情况') });
  });

  it('seed-002: the enumerations give marker, ordinal, lead and offset', () => {
    const text = readFixture('seed-002');
    const json = toJson(analyze(text));
    const first = json.enumerations[0]!;
    expect(first).toMatchObject({ marker: '一是', ordinal: 1, lead: '一是高质量开展党史学习教育' });
    expect(text.slice(first.offset, first.offset + 2)).toBe('一是');
  });
});

describe('end to end on the seeds: what the extractor tests establish holds through analyze', () => {
  // Counts read blank by blank in test/placeholders.test.ts.
  it.each([
    ['seed-000', { total: 95, number: 68, year: 2, name: 25 }],
    ['seed-001', { total: 80, number: 65, year: 1, name: 14 }],
    ['seed-002', { total: 120, number: 86, year: 0, name: 34 }],
    ['seed-003', { total: 177, number: 149, year: 0, name: 28 }],
    ['seed-004', { total: 112, number: 109, year: 0, name: 3 }],
  ])('%s placeholder counts', (name, counts) => {
    expect(analyze(readFixture(name)).placeholderCounts).toEqual(counts);
  });

  it('seed-000: 召开区委常委会会议…7次-style metrics carry value, unit and subject', () => {
    const metrics = analyze(readFixture('seed-000')).metrics;
    expect(metrics.find((metric) => metric.raw === '近x亿元')).toMatchObject({ value: null, placeholder: true, unit: '元', qualifier: '近', predicate: '发放', subject: '救助资金' });
    expect(metrics.find((metric) => metric.raw === 'xxx余万元')).toMatchObject({ value: null, unit: '元', qualifier: '余', subject: '留岗红包' });
  });
});

describe('政府工作报告: GDP target and last year\'s actual growth through analyze', () => {
  it.each([
    [2019, 6, 6.5, 6.6],
    [2018, 6.5, null, 6.9],
    [2015, 7, null, 7.4],
  ])('%i: target %s–%s, actual %s', (year, low, high, actual) => {
    const metrics = analyze(governmentReport(year)).metrics.filter((metric) => metric.subject === '国内生产总值' && metric.unit === '%');
    const target = metrics.find((metric) => metric.stance === 'target')!;
    expect([target.value, target.valueHigh]).toEqual([low, high]);
    // 2018 looks back on five years first (`年均增长7.1%`): last year's growth is the plain 增长.
    expect(metrics.find((metric) => metric.stance === 'actual' && /^(比上年)?增长$/.test(metric.comparison ?? ''))!.value).toBe(actual);
  });
});

describe('analyzeJson (no word level) gives exactly the JSON of analyze', () => {
  it('on every fixture', () => {
    for (const name of fixtureNames()) expect(analyzeJson(readFixture(name)), name).toEqual(toJson(analyze(readFixture(name))));
  });

  it('on all 88 archive records', () => {
    for (const record of archiveRecords()) expect(analyzeJson(record.content), `${record.file}:${record.line}`).toEqual(toJson(analyze(record.content)));
  });
});
