/** A metric while it is being read: the record's wording fields and where the metric is in its paragraph. */
import type { MetricRecord } from '../types.js';
import type { NumberLiteral } from '../numbers.js';

type MetricWording = Pick<MetricRecord, 'unit' | 'unitKind' | 'qualifier' | 'comparison' | 'predicate' | 'subject'>;

/** A metric while it is being read; positions relative to the paragraph. */
export interface MetricDraft extends MetricWording {
  literal: NumberLiteral;
  rawStart: number;
  rawEnd: number;
  /** A rank (`居全市第x位`): its subject is what is ranked, read differently. */
  isRank: boolean;
}
