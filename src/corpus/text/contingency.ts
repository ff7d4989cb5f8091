/**
 * Keyness statistics of one word from its 2×2 contingency table, as quanteda's
 * `textstat_keyness` computes them:
 *
 *               target   reference
 *   the word      a          b
 *   other words   c          d          N = a + b + c + d
 *
 * - chi² (Pearson, 1 df) with Yates' continuity correction applied only where
 *   quanteda's default applies it: when the smallest expected count is below 5
 *   and |ad − bc| ≥ N/2 (the correction must not exceed the difference);
 * - G² = 2 Σ O·ln(O/E), with Williams' correction q = 1 + (N/R₁ + N/R₂ − 1)(N/C₁ + N/C₂ − 1)/(6N)
 *   (quanteda's default for "lr"); `correction: 'none'` gives both uncorrected;
 * - the sign: positive when the word is over-represented in the target
 *   (a > its expected count), negative when under-represented;
 * - p-values from the chi-square distribution with 1 degree of freedom.
 */

export type KeynessCorrection = 'default' | 'none';

export interface KeynessScore {
  /** Signed chi². */
  chi2: number;
  pChi2: number;
  /** Signed G² (log-likelihood ratio). */
  g2: number;
  pG2: number;
}

export function keynessScore(a: number, b: number, targetTotal: number, referenceTotal: number, correction: KeynessCorrection = 'default'): KeynessScore {
  const c = targetTotal - a;
  const d = referenceTotal - b;
  const n = a + b + c + d;
  const row1 = a + b; // the word, both groups
  const row2 = c + d;
  const column1 = a + c; // target total
  const column2 = b + d;
  const expected = [(row1 * column1) / n, (row1 * column2) / n, (row2 * column1) / n, (row2 * column2) / n];
  const sign = a > expected[0]! ? 1 : -1;
  const denominator = row1 * row2 * column1 * column2;

  const difference = Math.abs(a * d - b * c);
  const yates = correction === 'default' && Math.min(...expected) < 5 && difference >= n / 2;
  const adjusted = yates ? difference - n / 2 : difference;
  const chi2 = denominator === 0 ? 0 : (n * adjusted * adjusted) / denominator;

  let g2 = 0;
  [a, b, c, d].forEach((observed, i) => {
    if (observed > 0) g2 += observed * Math.log(observed / expected[i]!);
  });
  g2 *= 2;
  if (correction === 'default' && denominator !== 0) {
    const q = 1 + ((n / row1 + n / row2 - 1) * (n / column1 + n / column2 - 1)) / (6 * n);
    g2 /= q;
  }
  g2 = Math.max(0, g2); // rounding can leave −1e-15 for a word spread exactly as expected
  return { chi2: sign * chi2, pChi2: chiSquareSurvival(chi2), g2: sign * g2, pG2: chiSquareSurvival(g2) };
}

/** P(X ≥ x) for X chi-square with 1 degree of freedom: erfc(√(x/2)). */
export function chiSquareSurvival(x: number): number {
  if (!(x > 0)) return 1;
  return erfc(Math.sqrt(x / 2));
}

/**
 * The complementary error function, by the Chebyshev fit of Numerical Recipes
 * (§6.2, `erfcc`): fractional error below 1.2e-7 everywhere, and it stays
 * relative for tiny values (no 1 − erf cancellation), which p-values need.
 */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const polynomial =
    -z * z - 1.26551223 +
    t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 +
    t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  const value = t * Math.exp(polynomial);
  return x >= 0 ? value : 2 - value;
}
