/** Formulas asked for by name: any written form (canonical, variant, wrong form) resolves to its dictionary entry. */
import { loadSloganDictionary, type SloganEntry } from '../extract/slogan-dictionary.js';

/** The dictionary entry of a form (`八项规定` → 中央八项规定), or null for a phrase not in the dictionary. */
export function formulaEntry(form: string): SloganEntry | null {
  const dictionary = loadSloganDictionary();
  return dictionary.byCanonical.get(form) ?? dictionary.forms.find((candidate) => candidate.text === form)?.entry ?? null;
}

/** The canonical form the extractor reports for `form` (itself when not in the dictionary). */
export function canonicalFormula(form: string): string {
  return formulaEntry(form)?.canonical ?? form;
}

/** Every written form of a formula: canonical first, then variants and wrong forms. */
export function formulaForms(form: string): string[] {
  const entry = formulaEntry(form);
  if (!entry) return [form];
  return [entry.canonical, ...entry.variants, ...entry.wrongForms];
}
