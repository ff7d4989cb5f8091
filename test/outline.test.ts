import { describe, expect, it } from 'vitest';
import { outline, parse } from '../src/index.js';
import { fixtureNames, readExpectedOutline, readFixture } from './helpers/fixtures.js';

// Each expected outline was written by reading the report line by line (see fixtures/README.md).
describe('outline of every fixture matches the hand-read outline', () => {
  for (const name of fixtureNames()) {
    it(name, () => {
      const report = parse(readFixture(name));
      expect(outline(report)).toBe(readExpectedOutline(name));
    });
  }
});

describe('outline format', () => {
  it('prints the title, then headings indented two spaces per level', () => {
    const text = '关于某某工作的报告\n一、总体情况\n（一）基本做法。正文。\n1.具体措施\n二、存在问题\n';
    expect(outline(parse(text))).toBe('# 关于某某工作的报告\n一、 总体情况\n  （一） 基本做法\n    1. 具体措施\n二、 存在问题\n');
  });

  it('is empty for a report without title or headings', () => {
    expect(outline(parse('这是一段没有标题的正文。'))).toBe('');
  });
});
