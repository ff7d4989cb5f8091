/** Every gongwen-lint rule by id: the one table a new rule is added to. */
import type { GongwenLintRule } from '../define-rule.js';
import { binaryInput } from './binary-input.js';
import { debris } from './debris.js';
import { emptyInput } from './empty-input.js';
import { enumerationGap } from './enumeration-gap.js';
import { halfWidthPunctuation } from './half-width-punctuation.js';
import { headingEndPunctuation } from './heading-end-punctuation.js';
import { headingLevelOrder } from './heading-level-order.js';
import { headingMarkerForm } from './heading-marker-form.js';
import { loneSurrogate } from './lone-surrogate.js';
import { longLine } from './long-line.js';
import { nodeBudget } from './node-budget.js';
import { numberingGap } from './numbering-gap.js';
import { numberingMixedStyle } from './numbering-mixed-style.js';
import { numberingRepeat } from './numbering-repeat.js';
import { numberingRestart } from './numbering-restart.js';
import { placeholderLeft } from './placeholder-left.js';
import { quoteBalance } from './quote-balance.js';
import { sloganCountMismatch } from './slogan-count-mismatch.js';
import { sloganMembers } from './slogan-members.js';
import { sloganVariant } from './slogan-variant.js';
import { yearConsistency } from './year-consistency.js';

export const RULES = {
  'placeholder-left': placeholderLeft,
  'numbering-gap': numberingGap,
  'numbering-repeat': numberingRepeat,
  'numbering-restart': numberingRestart,
  'numbering-mixed-style': numberingMixedStyle,
  'heading-level-order': headingLevelOrder,
  'heading-marker-form': headingMarkerForm,
  'heading-end-punctuation': headingEndPunctuation,
  'enumeration-gap': enumerationGap,
  'slogan-variant': sloganVariant,
  'slogan-count-mismatch': sloganCountMismatch,
  'slogan-members': sloganMembers,
  'quote-balance': quoteBalance,
  debris,
  'year-consistency': yearConsistency,
  'half-width-punctuation': halfWidthPunctuation,
  'empty-input': emptyInput,
  'binary-input': binaryInput,
  'lone-surrogate': loneSurrogate,
  'long-line': longLine,
  'node-budget': nodeBudget,
} as const satisfies Record<string, GongwenLintRule>;

export type RuleId = keyof typeof RULES;

export const RULE_IDS = Object.keys(RULES) as RuleId[];

export function isRuleId(id: string): id is RuleId {
  return Object.hasOwn(RULES, id);
}

export {
  binaryInput,
  emptyInput,
  loneSurrogate,
  longLine,
  nodeBudget,
  debris,
  enumerationGap,
  halfWidthPunctuation,
  headingEndPunctuation,
  headingLevelOrder,
  headingMarkerForm,
  numberingGap,
  numberingMixedStyle,
  numberingRepeat,
  numberingRestart,
  placeholderLeft,
  quoteBalance,
  sloganCountMismatch,
  sloganMembers,
  sloganVariant,
  yearConsistency,
};
