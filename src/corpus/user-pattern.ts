/**
 * Regular expressions the user types — `--regex` (kwic), `--where title~…`,
 * `--subject /…/` (metrics) — compiled in this one place. They are the
 * user's own patterns, run over the user's own corpus: how fast they match is
 * the user's choice, as with grep, so they are not held to the linear-time
 * rule every pattern of gongwen itself meets (test/regex-safety.test.ts
 * leaves this file out, for that reason only). A pattern that does not
 * compile is a USAGE error naming the flag.
 */
import { GongwenError } from '../diagnostics.js';

export function userPattern(source: string, flags: string, flag: string): RegExp {
  try {
    return new RegExp(source, flags);
  } catch (error) {
    throw new GongwenError('USAGE', `${flag}: "${source}" is not a regular expression: ${(error as Error).message}`);
  }
}
