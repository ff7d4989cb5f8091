/**
 * A tool author's file, compiled by test/consumer-types.test.ts with `tsc` under `strict` against the
 * built package (`gongwen` as a consumer imports it): nlcst and unist utilities take the report tree
 * as it is, with no cast anywhere in this file.
 */
import { readFileSync } from 'node:fs';
import { toString as nlcstToString } from 'nlcst-to-string';
import { search } from 'nlcst-search';
import type { Node } from 'unist';
import { visit } from 'unist-util-visit';
import { analyze, parse, type RootNode, type Section, type SentenceNode, type Slogan, type WordNode } from 'gongwen';

const text = readFileSync(process.argv[2] ?? 'fixtures/seed-000.txt', 'utf8');
const tree: RootNode = parse(text).tree;

// nlcst-to-string takes the whole tree and any node of it.
const whole: string = nlcstToString(tree);
if (whole !== text) throw new Error('nlcst-to-string lost text');

// unist-util-visit narrows by type test: `section` is a Section, `word` a WordNode, `slogan` a Slogan.
const headings: string[] = [];
visit(tree, 'Section', (section) => {
  headings.push(`${section.depth} ${section.marker.raw}${section.text}`);
});
let words = 0;
visit(tree, 'WordNode', (word) => {
  words += word.children.length > 0 ? 1 : 0;
});
const analysis = analyze(text);
const slogans: string[] = [];
visit(analysis.tree, 'Slogan', (slogan) => {
  slogans.push(`${slogan.canonical}: ${nlcstToString(slogan)}`);
});
// A type guard as test narrows too (unist-util-is calls it with any unist node).
const isSentence = (node: Node): node is SentenceNode => node.type === 'SentenceNode';
let metricSentences = 0;
visit(analysis.tree, isSentence, (sentence) => {
  if (sentence.metric) metricSentences++;
});

// nlcst-search finds phrases in the tree (word by word, as nlcst-search compares words).
const found: string[] = [];
search(tree, ['主体责任'], (nodes) => {
  found.push(nodes.map((node) => nlcstToString(node)).join(''));
});

const first: Section | undefined = tree.children.find((child): child is Section => child.type === 'Section');
// The narrowed callbacks' parameters are the package's own node types.
visit(tree, 'WordNode', (word: WordNode) => void word);
visit(analysis.tree, 'Slogan', (slogan: Slogan) => void slogan);
console.log(JSON.stringify({ headings: headings.length, words, slogans: slogans.length, metricSentences, found: found.length, first: first?.text }));
