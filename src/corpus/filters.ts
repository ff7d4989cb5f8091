/**
 * Minimal `--where` expressions so the text analyses compile and run on their own
 * branch: `year>=2013`, `year<=2012 and year>=1978`, `docType=政府工作报告`.
 * The corpus layer's own version (with its full grammar) replaces this file.
 */
import { GongwenError } from '../diagnostics.js';

const COMPARISON = /^\s*([\p{L}\p{N}_.-]+)\s*(>=|<=|!=|==|=|>|<)\s*(.*?)\s*$/u;

export function parseWhere(expr: string): (metadata: Record<string, unknown>) => boolean {
  const tests = expr.split(/\s+and\s+|\s*&&\s*|\s*,\s*/).map((part) => {
    const match = COMPARISON.exec(part);
    if (!match) throw new GongwenError('USAGE', `--where: cannot read "${part}" (write field>=value, joined by "and").`);
    const [, field, operator, raw] = match as unknown as [string, string, string, string];
    const value = raw.replace(/^["'](.*)["']$/, '$1');
    return (metadata: Record<string, unknown>): boolean => {
      const actual = metadata[field];
      if (actual === undefined || actual === null) return false;
      const left = Number(actual);
      const right = Number(value);
      const numeric = String(actual).trim() !== '' && value !== '' && Number.isFinite(left) && Number.isFinite(right);
      const order = numeric ? Math.sign(left - right) : String(actual) < value ? -1 : String(actual) > value ? 1 : 0;
      switch (operator) {
        case '>=': return order >= 0;
        case '<=': return order <= 0;
        case '>': return order > 0;
        case '<': return order < 0;
        case '!=': return order !== 0;
        default: return order === 0;
      }
    };
  });
  return (metadata) => tests.every((test) => test(metadata));
}
