import { describe, expect, it } from 'vitest';
import { outline, parse, toString, type Debris, type ParagraphNode, type Section } from '../src/index.js';
import { readFixture } from './helpers/fixtures.js';
import { sections } from './helpers/tree.js';

describe('title, salutation, preamble (SPEC §1)', () => {
  it('seed-004: title 区委常委会工作报告, salutation 同志们：, preamble before 一、', () => {
    const report = parse(readFixture('seed-004'));
    expect(report.title).toBe('区委常委会工作报告');
    expect(report.salutation).toBe('同志们：');
    const preamble = report.tree.children.find((child) => child.type === 'Preamble')!;
    expect(preamble.children.map((child) => child.type)).toEqual(['Salutation', 'WhiteSpaceNode', 'ParagraphNode', 'WhiteSpaceNode']);
    expect(toString(preamble)).toMatch(/^同志们：\n2019年，在中央和省委、市委的正确领导下/);
  });

  it('seed-002: 市委： is a salutation, not a title', () => {
    const report = parse(readFixture('seed-002'));
    expect(report.title).toBeNull();
    expect(report.salutation).toBe('市委：');
  });

  it('gwr-2021: the title broken across lines by the scraper is one title', () => {
    const report = parse(readFixture('gwr-2021'));
    expect(report.title).toBe('政府工作报告');
    expect(report.salutation).toBe('各位代表：');
    const title = report.tree.children.find((child) => child.type === 'Title')!;
    expect(toString(title)).toBe('政府工作报\n告');
  });

  it('a first line that is a broken sentence is not a title', () => {
    const report = parse('第十四届全国人民代表大会第三次会议听取和审议了国务院总理李强所作的\n政府工作报告\n。会议充分肯定国务院过去一年的工作。');
    expect(report.title).toBeNull();
  });
});

describe('sections and headings (SPEC §2)', () => {
  it('seed-002: heading text ends at 。; the rest of the line is the first paragraph of the section', () => {
    const report = parse(readFixture('seed-002'));
    const politics = sections(report.tree).find((section) => section.marker.raw === '（一）')!;
    expect(politics).toMatchObject({ depth: 2, text: '政治建设情况', marker: { style: 'paren-cjk', ordinal: 1 } });
    const [heading, body] = politics.children;
    expect(toString(heading!)).toBe('（一）政治建设情况。');
    expect(body!.type).toBe('ParagraphNode');
    expect(toString(body!)).toMatch(/^坚持以习近平新时代中国特色社会主义思想为指导/);
  });

  it('seed-000: `1.` directly under `一、` is depth 2; debris before the marker stays out of marker and text', () => {
    const report = parse(readFixture('seed-000'));
    const first = sections(report.tree).find((section) => section.text === '强化统筹谋划')!;
    expect(first.depth).toBe(2);
    expect(first.marker).toEqual({ raw: '1.', style: 'arabic', ordinal: 1 });
    const heading = first.children[0]!;
    expect(heading.type).toBe('Heading');
    const debris = (heading as { children: Array<{ type: string }> }).children[0] as Debris;
    expect(debris).toMatchObject({ type: 'Debris', value: '##paidbegin##', kind: 'paywall-marker' });
  });

  it('a level skipped in the document does not leave a hole in depth: `（1）` directly under `一、` is depth 2', () => {
    const report = parse('一、总体情况\n（1）第一项\n（2）第二项\n二、下一步打算\n');
    expect(sections(report.tree).map((section) => [section.marker.raw, section.depth])).toEqual([
      ['一、', 1],
      ['（1）', 2],
      ['（2）', 2],
      ['二、', 1],
    ]);
  });

  it('`1.5万人` at a line start is not a heading', () => {
    const report = parse('一、工作情况\n1.5万人参加培训。\n');
    expect(sections(report.tree).map((section) => section.marker.raw)).toEqual(['一、']);
  });

  it('`十三五` alone on a line is not a bare numeral heading; `一` alone is (1960)', () => {
    expect(sections(parse('前言。\n十三五\n正文。').tree)).toHaveLength(0);
    const report = parse(readFixture('gwr-1960'));
    expect(sections(report.tree).map((section) => [section.marker.raw, section.text])).toEqual([
      ['一', ''],
      ['二', ''],
      ['三', ''],
      ['四', ''],
    ]);
  });

  it('seed-003: top-level roles are achievements, problems, plans; subsections inherit', () => {
    const report = parse(readFixture('seed-003'));
    const top = report.tree.children.filter((child): child is Section => child.type === 'Section');
    expect(top.map((section) => [section.text, section.role])).toEqual([
      ['主要做法', 'achievements'],
      ['存在的问题和不足', 'problems'],
      ['2023年工作重点', 'plans'],
    ]);
    const plans = sections(top[2]!).slice(1);
    expect(plans).toHaveLength(7);
    expect(new Set(plans.map((section) => section.role))).toEqual(new Set(['plans']));
  });

  it('gwr-2019: 工作回顾 is achievements, 总体要求和政策取向 and 工作任务 are plans', () => {
    const report = parse(readFixture('gwr-2019'));
    const top = report.tree.children.filter((child): child is Section => child.type === 'Section');
    expect(top.map((section) => section.role)).toEqual(['achievements', 'plans', 'plans']);
  });
});

describe('web debris (SPEC §1)', () => {
  it('seed-000: the promotion at the end of line 16 is a Debris node and line 17 stays in item 4.', () => {
    const report = parse(readFixture('seed-000'));
    const item = sections(report.tree).find((section) => section.text === '扎实推动经济高质量发展')!;
    const paragraph = item.children.find((child): child is ParagraphNode => child.type === 'ParagraphNode')!;
    const debris = paragraph.children.find((child) => child.type === 'Debris') as Debris;
    expect(debris).toMatchObject({ value: '【更多公文素材，微信：dadawk01 】', kind: 'promotion' });
    // The line after the debris continues the same paragraph of the same item.
    expect(toString(paragraph)).toMatch(/【更多公文素材，微信：dadawk01 】\n引进xx信息xx有限公司/);
  });

  it('seed-000: ##paidend## at the end of the last line is debris inside the last item', () => {
    const report = parse(readFixture('seed-000'));
    const last = sections(report.tree).find((section) => section.text === '持续深入推进反腐败斗争')!;
    const paragraph = last.children.find((child): child is ParagraphNode => child.type === 'ParagraphNode')!;
    expect(paragraph.children.at(-1)).toMatchObject({ type: 'Debris', value: '##paidend##' });
  });
});

describe('numbering anomalies are warnings with positions, not errors', () => {
  it('一、二、四、 warns of a gap at 四、 on line 3', () => {
    const report = parse('一、甲\n二、乙\n四、丁\n');
    expect(sections(report.tree).map((section) => section.marker.ordinal)).toEqual([1, 2, 4]);
    const gap = report.warnings.find((warning) => warning.rule === 'numbering-gap')!;
    expect(gap.position!.start).toEqual({ line: 3, column: 1, offset: 8 });
  });

  it('a repeated number and a restart under the same parent are reported', () => {
    const report = parse('一、甲\n1.子一\n2.子二\n2.子二又\n1.子一又\n');
    expect(report.warnings.map((warning) => warning.rule)).toEqual(['numbering-repeat', 'numbering-restart']);
  });

  // The 1981 report nests 一、…十、 under （二）, the reverse of the usual order: 一、 closes （二）, and
  // （三） resumes the closed list instead of opening a level whose first number is 3.
  it('a closed list resumed by its next number is no gap: （一）（二） 一、二、 （三） (1981)', () => {
    const report = parse('（一）当前的经济形势\n（二）今后的方针\n一、发展农业\n二、发展工业\n（三）我国经济发展的前景\n');
    expect(sections(report.tree).map((section) => section.marker.ordinal)).toEqual([1, 2, 1, 2, 3]);
    expect(report.warnings.filter((warning) => warning.rule === 'numbering-gap')).toEqual([]);
    expect(outline(report).trimEnd().split('\n').at(-1)).toBe('（三） 我国经济发展的前景');
  });

  it('a sub-list numbered on from another parent’s is still a gap: 一、（一）（二） 二、（三）', () => {
    const report = parse('一、甲\n（一）子一\n（二）子二\n二、乙\n（三）子三\n');
    expect(report.warnings.map((warning) => warning.rule)).toEqual(['numbering-gap']);
  });

  it('mixed styles at one depth are reported once', () => {
    const report = parse('一、甲\n1.子\n二、乙\n（一）子\n');
    expect(report.warnings.filter((warning) => warning.rule === 'numbering-mixed-style')).toHaveLength(1);
  });
});

describe('quotes', () => {
  it('seed-004: the quote closed by an ASCII " is reported', () => {
    const report = parse(readFixture('seed-004'));
    const mismatched = report.warnings.filter((warning) => warning.rule === 'mismatched-quote');
    expect(mismatched).toHaveLength(1);
    expect(mismatched[0]!.position!.start.line).toBe(9);
  });

  it('an unclosed quote does not swallow the rest of the paragraph', () => {
    const report = parse('一、总体\n坚持“严的主基调。推进全面从严治党。压实责任。\n');
    const paragraph = sections(report.tree)[0]!.children.find((child): child is ParagraphNode => child.type === 'ParagraphNode')!;
    expect(paragraph.children.filter((child) => child.type === 'SentenceNode')).toHaveLength(3);
    expect(report.warnings.map((warning) => warning.rule)).toContain('unclosed-quote');
  });
});
