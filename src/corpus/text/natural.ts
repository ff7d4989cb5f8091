/**
 * natural, one submodule at a time and only when an analysis runs. Never the
 * package root: it takes ~0.35–0.9 s to load (it pulls database clients) and
 * loads dotenv, whose lines on stdout would corrupt `--json` output. The
 * submodules used here load in milliseconds and print nothing (a test checks).
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * natural's TfIdf, as far as we use it: a document is a pre-tokenised array, or
 * a record of term counts (with natural's `__key`), which it stores as given.
 */
export interface NaturalTfIdf {
  addDocument(document: string[] | Record<string, number>, key?: unknown): void;
  listTerms(index: number): Array<{ term: string; tf: number; idf: number; tfidf: number }>;
  idf(term: string): number;
}

export function loadTfIdf(): new () => NaturalTfIdf {
  return require('natural/lib/natural/tfidf/tfidf.js') as new () => NaturalTfIdf;
}

/** natural's Dice coefficient on character bigrams (lower-cased, spaces collapsed), in [0, 1]. */
export function loadDiceCoefficient(): (a: string, b: string) => number {
  return require('natural/lib/natural/distance/dice_coefficient.js') as (a: string, b: string) => number;
}
