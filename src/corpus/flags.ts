/**
 * Reading an analysis's CLI flags (the `values` of node:util parseArgs) into
 * its options, with a USAGE error naming the flag when a value is wrong. Every
 * analysis's `fromFlags` uses these, so messages read the same everywhere.
 */
import { GongwenError } from '../diagnostics.js';

export type FlagValues = Record<string, unknown>;

/** `--group FIELD` (all analyses that group): default `year`. */
export function groupFlag(values: FlagValues): string {
  const group = stringFlag(values, 'group');
  return group ?? 'year';
}

export function stringFlag(values: FlagValues, name: string): string | undefined {
  const value = values[name];
  if (value === undefined) return undefined;
  if (Array.isArray(value)) return value.length === 0 ? undefined : String(value[value.length - 1]);
  return String(value);
}

/** A repeatable flag (`--formula 两个维护 --formula 四个全面`); commas also separate (`--formula 两个维护,四个全面`). */
export function listFlag(values: FlagValues, name: string): string[] {
  const value = values[name];
  if (value === undefined) return [];
  const items = Array.isArray(value) ? value.map(String) : [String(value)];
  return items.flatMap((item) => item.split(/[,，]/)).map((item) => item.trim()).filter((item) => item !== '');
}

/** A whole number ≥ `min`, or the default. */
export function integerFlag(values: FlagValues, name: string, fallback: number, min = 1): number {
  const value = stringFlag(values, name);
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < min) throw new GongwenError('USAGE', `--${name} takes a whole number ≥ ${min}, not "${value}"`);
  return number;
}

/** One of the allowed words, or the default. */
export function choiceFlag<T extends string>(values: FlagValues, name: string, choices: readonly T[], fallback: T): T;
export function choiceFlag<T extends string>(values: FlagValues, name: string, choices: readonly T[], fallback?: undefined): T | undefined;
export function choiceFlag<T extends string>(values: FlagValues, name: string, choices: readonly T[], fallback?: T): T | undefined {
  const value = stringFlag(values, name);
  if (value === undefined) return fallback;
  if (!(choices as readonly string[]).includes(value)) throw new GongwenError('USAGE', `--${name} takes ${choices.join(', ')}, not "${value}"`);
  return value as T;
}
