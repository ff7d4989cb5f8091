/** `--max-size SIZE` (parse, analyze, extract, lint, view): the size limit of one document, see src/archive/limits.ts. */
import { parseSize } from '../archive/limits.js';
import type { OptionSpecs } from './command.js';

export const MAX_SIZE_OPTION = { 'max-size': { type: 'string' } } as const satisfies OptionSpecs;

/** `--max-size 64MB` → `{ maxBytes: 67108864 }`; absent → `{}` (the default applies). USAGE error for a bad size. */
export function maxBytesOption(value: string | undefined): { maxBytes?: number } {
  return value === undefined ? {} : { maxBytes: parseSize(value) };
}
