/**
 * Every analysis of `gongwen corpus <name>`, in the order `gongwen corpus --help`
 * lists them. A new analysis is a file in this folder plus one line here.
 */
import type { CorpusAnalysis } from '../types.js';
import { slogansAnalysis } from './slogans.js';
import { metricsAnalysis } from './metrics.js';
import { targetsAnalysis } from './targets.js';
import { kwicAnalysis } from './kwic.js';
import { compareAnalysis } from './compare.js';
import { keynessAnalysis } from './keyness.js';
import { termsAnalysis } from './terms.js';
import { reuseAnalysis } from './reuse.js';

// Each analysis has its own option and row types; the registry only needs the shared interface.
export type AnyCorpusAnalysis = CorpusAnalysis<any, any>;

export const ANALYSES: readonly AnyCorpusAnalysis[] = [
  slogansAnalysis,
  metricsAnalysis,
  targetsAnalysis,
  keynessAnalysis,
  termsAnalysis,
  kwicAnalysis,
  reuseAnalysis,
  compareAnalysis,
];
