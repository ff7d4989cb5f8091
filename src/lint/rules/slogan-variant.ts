/**
 * ## slogan-variant
 *
 * Flags a numbered slogan (数字化提法) written in a form other than its
 * canonical wording: wrong forms such as `二个维护` (for `两个维护`) and
 * `4个意识` (for `四个意识`), and variants such as `六项纪律` (for `六大纪律`).
 *
 * Why: formulas are fixed wording; a wrong numeral or measure word in a
 * report that goes out under an organ's name is an error readers notice.
 *
 * Detection is the extractor's (`slogan-variant`, from dicts/slogans.yaml);
 * the message sits on the slogan as written.
 *
 * ok:
 *     增强“四个意识”，做到“两个维护”。
 *
 * not-ok:
 *     增强“4个意识”，做到“二个维护”。     ← two slogan-variant messages
 *
 * Options: `{ fixVariants: boolean }` (default false). Fix: wrong forms are
 * replaced by the canonical form (certain: the dictionary marks them as
 * mistakes). Variants are correct alternative wordings in the sources, so
 * they are replaced only with `fixVariants: true`.
 */
import { loadSloganDictionary } from '../../extract/slogan-dictionary.js';
import { coreWarnings } from '../core-warnings.js';
import { defineRule } from '../define-rule.js';
import { report } from '../report.js';

export interface SloganVariantOptions {
  fixVariants?: boolean;
}

export const sloganVariant = defineRule<SloganVariantOptions | undefined>('slogan-variant', ({ file, data, text, options }) => {
  const bySlogan = new Map(data.analysis.slogans.map((slogan) => [slogan.offset, slogan]));
  const kinds = new Map(loadSloganDictionary().forms.map((form) => [form.text, form.kind]));
  for (const warning of coreWarnings(data, ['slogan-variant'])) {
    const slogan = bySlogan.get(warning.offset);
    if (!slogan) {
      report(file, text, { reason: warning.message, start: warning.offset, end: warning.offset });
      continue;
    }
    const written = text.slice(slogan.offset, slogan.offset + slogan.length);
    const wrong = kinds.get(written) === 'wrong';
    const fixable = wrong || options?.fixVariants === true;
    report(file, text, {
      reason: wrong ? `“${written}” is a wrong form of “${slogan.canonical}”` : `“${written}” is a variant of “${slogan.canonical}”, the canonical wording`,
      start: slogan.offset,
      end: slogan.offset + slogan.length,
      ...(fixable ? { fix: slogan.canonical } : {}),
    });
  }
});
