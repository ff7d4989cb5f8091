/**
 * Minimal `--where` expressions so the text analyses compile and run on their own
 * branch: `year>=2013`, `year<=2012 and year>=1978`, `docType=政府工作报告`.
 * The corpus layer's own version (with its full grammar) replaces this file.
 */
import { GongwenError } from '../diagnostics.js';

const OPERATOR = /(>=|<=|!=|==|=|>|<)/;
const FIELD = /^[\p{L}\p{N}_.-]+$/u;

/**
 * Comparisons joined by `and`, `&&` or `,`. Spaces are not significant (`year >= 2013`);
 * values cannot hold them. Parsed without backtracking regexes (test/regex-safety.test.ts).
 */
export function parseWhere(expr: string): (metadata: Record<string, unknown>) => boolean {
  const parts: string[] = [];
  let current = '';
  for (const token of expr.replaceAll('&&', ' and ').replaceAll(',', ' and ').split(/\s+/)) {
    if (token === 'and') {
      parts.push(current);
      current = '';
    } else current += token;
  }
  parts.push(current);
  const tests = parts.map((part) => {
    const match = OPERATOR.exec(part);
    const field = match ? part.slice(0, match.index) : '';
    if (!match || !FIELD.test(field)) throw new GongwenError('USAGE', `--where: cannot read "${part}" (write field>=value, joined by "and").`);
    const operator = match[1]!;
    let value = part.slice(match.index + operator.length);
    if (value.length >= 2 && (value[0] === '"' || value[0] === "'") && value.at(-1) === value[0]) value = value.slice(1, -1);
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
