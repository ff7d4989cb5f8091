/** One line per rule: what it flags. Shown by `gongwen lint --help`, in SARIF's rule table and by the textlint preset. */
import type { RuleId } from './index.js';

export const RULE_DESCRIPTIONS: Readonly<Record<RuleId, string>> = {
  'placeholder-left': 'A template blank left in: xx, X, ***, 20xx, ××, 某某, （此处填写…）',
  'numbering-gap': 'Heading numbers skip one: 一、二、四、',
  'numbering-repeat': 'A heading number repeats the one before it: 2. 2.',
  'numbering-restart': 'Heading numbers start again at 1 under one parent: 1. 2. 1.',
  'numbering-mixed-style': 'One heading level mixes marker styles: 1. beside （一）',
  'heading-level-order': 'Heading levels break GB/T 9704’s order 一、 › （一） › 1. › （1）',
  'heading-marker-form': 'A heading marker not in its standard form: 一. (一) 1、',
  'heading-end-punctuation': 'Headings of one level disagree on ending in 。',
  'enumeration-gap': 'An inline enumeration skips or repeats an item: 一是…二是…四是',
  'slogan-variant': 'A numbered slogan not in its canonical wording: 二个维护, 4个意识',
  'slogan-count-mismatch': 'A slogan’s number differs from the items listed with it',
  'slogan-members': 'A known slogan spelt out with a wrong or missing member',
  'quote-balance': 'Quotes or brackets that do not pair up: “…", 《…, …》',
  debris: 'Web debris pasted in: ##paidbegin##, 【更多公文素材…】, advertising lines',
  'year-consistency': 'A year that disagrees with the year the report is about',
  'half-width-punctuation': 'ASCII punctuation in Chinese text: , for ，, (…) for （…）',
  'empty-input': 'The file is empty or only white space',
  'binary-input': 'The text is full of control characters: a wrong encoding or not text',
  'lone-surrogate': 'Half a UTF-16 character',
  'long-line': 'A sentence or line too long to analyse (lost line ends or punctuation)',
  'node-budget': 'A report too dense to read whole: the rest, from the line named, is not analysed',
};
