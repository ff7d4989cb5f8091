/**
 * Memory proportional to the input (issue 14): the tree builder's node budget, its lines as typed
 * columns, and the CLI under a heap limit of 40 times the input.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyze, analyzeJson, parse, toJson, toString } from '../src/index.js';
import { splitLines } from '../src/text/lines.js';
import { LineTable } from '../src/tree/line-table.js';
import { nodeBudget, utf8Length } from '../src/tree/node-budget.js';
import { allNodes, expectExactPositions, sections } from './helpers/tree.js';
import { archiveRecords } from './helpers/fixtures.js';
import { runCli } from './helpers/cli.js';
import { lintRule } from './lint/helpers.js';

const folder = mkdtempSync(join(tmpdir(), 'gongwen-tree-memory-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** `gongwen analyze FILE --json` with V8's heap capped at 40 bytes per byte of the file. */
async function analyzeUnderCap(name: string, text: string) {
  const file = join(folder, name);
  writeFileSync(file, text);
  const cap = Math.ceil((40 * utf8Length(text)) / 2 ** 20);
  const result = await runCli(['analyze', file, '--json'], { env: { NODE_OPTIONS: `--max-old-space-size=${cap}` } });
  return { ...result, cap };
}

describe('analyze --json in memory proportional to the input', () => {
  it('3 MB of `一、` lines (430,000 headings) within a heap of 40× the input', async () => {
    // Before: one Section, Heading, marker, line end, warning and record per line, ~1.5 KB each:
    // 2.3 MB took 1.2 GB, so the capped child ran out of heap.
    const lines = 430_000;
    const result = await analyzeUnderCap('headings.txt', '一、\n'.repeat(lines));
    expect(result.stderr).not.toMatch(/heap out of memory/);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as { headings: unknown[]; warnings: Array<{ rule: string; offset: number }> };
    // The headings before the budget are read; the rest is text, and a warning says from where.
    const budget = json.warnings.filter((warning) => warning.rule === 'node-budget');
    expect(budget).toHaveLength(1);
    expect(json.headings.length).toBeGreaterThan(10_000);
    expect(json.headings.length).toBeLessThan(lines);
    expect(budget[0]!.offset).toBe(json.headings.length * 3);
  });

  it('6 MB of empty lines within a heap of 40× the input', async () => {
    // Before: a Line object and a LineInfo object per line (6 million of each).
    const result = await analyzeUnderCap('blank.txt', '\n'.repeat(6_000_000));
    expect(result.stderr).not.toMatch(/heap out of memory/);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).headings).toEqual([]);
  });

  it('2 MB of `1.` lines (700,000 one-byte-character headings) within a heap of 40× the input', async () => {
    const result = await analyzeUnderCap('arabic.txt', '1.\n'.repeat(700_000));
    expect(result.stderr).not.toMatch(/heap out of memory/);
    expect(result.code).toBe(0);
  });
});

describe('the node budget', () => {
  const lines = 40_000;
  const text = `政府工作报告\n${'一、总体要求\n'.repeat(lines)}`;

  it('keeps a dense report lossless, with exact positions, past the budget', () => {
    const report = parse(text, { segmenter: 'runs' });
    expect(toString(report.tree)).toBe(text);
    expectExactPositions(text, allNodes(report.tree));
  });

  it('reads headings up to the budget, then keeps the rest as one paragraph of text, and says so', () => {
    const report = parse(text, { segmenter: 'runs' });
    const read = sections(report.tree);
    expect(read.length).toBeGreaterThan(20_000);
    expect(read.length).toBeLessThan(lines);
    expect(read.every((section) => section.text === '总体要求')).toBe(true);
    const warning = report.warnings.find((candidate) => candidate.rule === 'node-budget')!;
    // The first line not read: the line after the last heading read (title line, then 7 characters a line).
    const firstUnread = '政府工作报告\n'.length + read.length * '一、总体要求\n'.length;
    expect(warning.offset).toBe(firstUnread);
    expect(warning.message).toContain(`by line ${read.length + 2}`);
    // The last section holds its heading, the line end after it, the rest as a paragraph, and the final line end.
    const last = read[read.length - 1]!;
    expect(last.children.map((child) => child.type)).toEqual(['Heading', 'WhiteSpaceNode', 'ParagraphNode', 'WhiteSpaceNode']);
    const rest = last.children[2]!;
    // The paragraph runs from the first unread line to the end of the last line, before its line end.
    expect(rest.position.start.offset).toBe(firstUnread);
    expect(rest.position.end.offset).toBe(text.length - 1);
    expect(toString(rest)).toBe('一、总体要求\n'.repeat(lines - read.length).slice(0, -1));
  });

  it('gives analyze the same headings as parse and no findings from the unread text', () => {
    const analysis = analyze(text);
    expect(analysis.headings).toHaveLength(sections(parse(text, { segmenter: 'runs' }).tree).length);
    expect(analysis.warnings.filter((warning) => warning.rule === 'node-budget')).toHaveLength(1);
  });

  it('stops a line of dense sentences before its sentences are built', () => {
    // 200,000 sentences of two characters on one line: the line and the rest are kept as text.
    const line = '甲。'.repeat(200_000);
    const report = parse(`${line}\n`, { segmenter: 'runs' });
    expect(toString(report.tree)).toBe(`${line}\n`);
    expect(report.warnings.map((warning) => warning.rule)).toContain('node-budget');
    expect(allNodes(report.tree).filter((node) => node.type === 'SentenceNode').length).toBeLessThan(10);
  });

  it('stops analyze and analyzeJson at the same line: findings in the tree do not count against the blocks', () => {
    // A slogan, a metric and a placeholder in every heading: with words they are also nodes.
    const dense = `政府工作报告\n${'一、“两个维护”7次xx。\n'.repeat(30_000)}`;
    const json = analyzeJson(dense);
    expect(json.warnings.filter((warning) => warning.rule === 'node-budget')).toHaveLength(1);
    expect(toJson(analyze(dense, { segmenter: 'runs' }))).toEqual(json);
  });

  it('is a lint message, so that lint and view say where they stopped reading', async () => {
    const found = await lintRule(text, 'node-budget');
    expect(found).toHaveLength(1);
    expect(found[0]!.line).toBe(sections(parse(text, { segmenter: 'runs' }).tree).length + 2);
    expect(found[0]!.reason).toMatch(/too dense to read whole/);
  });

  it('is never reached by a real report: the archive uses under half of it', () => {
    for (const record of archiveRecords()) {
      const report = parse(record.content, { segmenter: 'runs' });
      expect(report.warnings.map((warning) => warning.rule)).not.toContain('node-budget');
      const budget = nodeBudget(record.content);
      const nodes = allNodes(report.tree);
      expect(nodes.length).toBeLessThan((budget.blocks + budget.words) / 2);
    }
  });

  it('counts UTF-8 bytes as Buffer does', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => utf8Length(text) === Buffer.byteLength(text, 'utf8')));
  });
});

describe('LineTable', () => {
  it('finds the lines splitLines finds, terminators and all', () => {
    const pieces = fc.constantFrom('a', '一', ' ', '\n', '\r', '\r\n', '\u2028', '\u2029', '一、', '\n\r');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        const table = new LineTable(text);
        const lines = splitLines(text);
        expect(table.count).toBe(lines.length);
        for (const line of lines) {
          const seen = table.at(line.index)!;
          expect({ index: seen.index, start: seen.start, end: seen.end, next: seen.next }).toEqual(line);
        }
      }),
    );
  });
});
