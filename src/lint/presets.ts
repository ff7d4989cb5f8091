/**
 * The `recommended` preset: every rule on. `error` for what must not go out
 * (a blank, web debris, a wrong formula, a broken numbering); `warn` for what
 * an editor should look at (forms, punctuation, years, quotes). The input
 * checks: an empty or binary file is an error, a broken character or an
 * unreadably long line a warning.
 */
import type { RuleId } from './rules/index.js';
import type { Severity } from './types.js';

export const recommended: Readonly<Record<RuleId, Severity>> = {
  'placeholder-left': 'error',
  'numbering-gap': 'error',
  'numbering-repeat': 'error',
  'numbering-restart': 'warn',
  'numbering-mixed-style': 'warn',
  'heading-level-order': 'warn',
  'heading-marker-form': 'warn',
  'heading-end-punctuation': 'warn',
  'enumeration-gap': 'error',
  'slogan-variant': 'error',
  'slogan-count-mismatch': 'error',
  'slogan-members': 'error',
  'quote-balance': 'warn',
  debris: 'error',
  'year-consistency': 'warn',
  'half-width-punctuation': 'warn',
  'empty-input': 'error',
  'binary-input': 'error',
  'lone-surrogate': 'warn',
  'long-line': 'warn',
  'node-budget': 'warn',
};
