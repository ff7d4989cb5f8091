/** Reading the numeric flags of the text analyses, with a usage error that names the flag. */
import { GongwenError } from '../../diagnostics.js';

/** The flag's value as a number within [min, max], `fallback` when absent; integers only when `integer`. */
export function numberFlag(
  values: Record<string, unknown>,
  name: string,
  fallback: number,
  { min = -Infinity, max = Infinity, integer = false }: { min?: number; max?: number; integer?: boolean } = {},
): number {
  const raw = values[name];
  if (raw === undefined || raw === null) return fallback;
  const value = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
  if (!Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value))) {
    const range = `${integer ? 'an integer' : 'a number'}${Number.isFinite(min) ? ` ≥ ${min}` : ''}${Number.isFinite(max) ? ` and ≤ ${max}` : ''}`;
    throw new GongwenError('USAGE', `--${name} must be ${range}, got "${String(raw)}".`);
  }
  return value;
}

/** The flag's value as a string, or undefined. */
export function stringFlag(values: Record<string, unknown>, name: string): string | undefined {
  const raw = values[name];
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw !== 'string') throw new GongwenError('USAGE', `--${name} takes a value.`);
  return raw;
}
