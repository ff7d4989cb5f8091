/**
 * `--where` and `--group`: choosing documents and grouping them by a metadata
 * field (`year`, `region`, `docType`, any field of the input's JSONL records).
 *
 *   year>=2013                    numbers compare as numbers (`"2013"` in a record counts as 2013)
 *   docType=政府工作报告             text compares as text, exactly
 *   title~决议   title!~决议        `~` is a regular expression match (JavaScript syntax), `!~` its negation
 *   year!=null                    `null` matches an absent or null field
 *   year>=2013,year<2020          clauses joined by `,`, `&&` or `and` must all hold
 *
 * A field may be a dotted path into nested metadata (`source.site`).
 */
import { GongwenError } from '../diagnostics.js';
import type { Cell } from './types.js';
import { userPattern } from './user-pattern.js';

export type MetadataPredicate = (metadata: Record<string, unknown>) => boolean;

const OPERATORS = ['>=', '<=', '!=', '!~', '==', '=', '>', '<', '~'] as const;
type Operator = (typeof OPERATORS)[number];

/** Parse a `--where` expression; a malformed one is a USAGE error saying what is wrong. */
export function parseWhere(expr: string): MetadataPredicate {
  const clauses = expr
    .split(/,|&&|\band\b/)
    .map((clause) => clause.trim())
    .filter((clause) => clause !== '');
  if (clauses.length === 0) throw new GongwenError('USAGE', `--where needs a condition such as year>=2013, not "${expr}"`);
  const tests = clauses.map(parseClause);
  return (metadata) => tests.every((test) => test(metadata));
}

function parseClause(clause: string): MetadataPredicate {
  const match = /^([\p{L}\p{N}_.$-]+)\s*(>=|<=|!=|!~|==|=|>|<|~)(.*)$/u.exec(clause);
  if (!match) {
    throw new GongwenError('USAGE', `--where: cannot read "${clause}" (expected FIELD OP VALUE, OP one of ${OPERATORS.join(' ')}; e.g. year>=2013)`);
  }
  const [, field, operator, rawValue] = match as unknown as [string, string, Operator, string];
  const trimmed = rawValue.trim();
  // `year>>2013`, `year=>2013`, `year>=`: a typo, not a comparison with the text ">2013".
  if (trimmed === '' || /^[<>=!~]/.test(trimmed)) {
    throw new GongwenError('USAGE', `--where: cannot read "${clause}" (expected FIELD OP VALUE, OP one of ${OPERATORS.join(' ')}; e.g. year>=2013)`);
  }
  const value = unquote(trimmed);
  if (operator === '~' || operator === '!~') {
    const pattern = userPattern(value, '--where');
    const negate = operator === '!~';
    return (metadata) => {
      const actual = fieldValue(metadata, field);
      const matches = actual !== null && pattern.test(String(actual));
      return negate ? !matches : matches;
    };
  }
  if (value === 'null') {
    if (operator !== '=' && operator !== '==' && operator !== '!=') throw new GongwenError('USAGE', `--where: null can only be compared with = or != in "${clause}"`);
    return operator === '!=' ? (metadata) => fieldValue(metadata, field) !== null : (metadata) => fieldValue(metadata, field) === null;
  }
  const expected = asNumber(value) ?? value;
  return (metadata) => {
    const actual = fieldValue(metadata, field);
    if (actual === null) return operator === '!=';
    const order = compare(actual, expected);
    switch (operator) {
      case '=':
      case '==':
        return order === 0;
      case '!=':
        return order !== 0;
      case '>':
        return order !== null && order > 0;
      case '>=':
        return order !== null && order >= 0;
      case '<':
        return order !== null && order < 0;
      case '<=':
        return order !== null && order <= 0;
    }
  };
}

/** -1, 0, 1; null when one side is a number and the other is not (`year>=2013` on a year of "未知"). */
function compare(actual: Cell, expected: number | string): number | null {
  if (typeof expected === 'number') {
    const number = typeof actual === 'number' ? actual : asNumber(String(actual));
    if (number === null) return null;
    return number < expected ? -1 : number > expected ? 1 : 0;
  }
  const text = String(actual);
  return text < expected ? -1 : text > expected ? 1 : 0;
}

function unquote(value: string): string {
  const quoted = /^(["'])(.*)\1$/su.exec(value);
  return quoted ? quoted[2]! : value;
}

function asNumber(text: string): number | null {
  if (!/^[+-]?\d+(\.\d+)?$/.test(text.trim())) return null;
  return Number(text);
}

/**
 * A metadata field as a table cell: numeric strings become numbers (this
 * archive spells years `"2025"`), objects and arrays their JSON, absent null.
 */
export function fieldValue(metadata: Record<string, unknown>, field: string): Cell {
  let value: unknown = Object.hasOwn(metadata, field) ? metadata[field] : undefined;
  if (value === undefined && field.includes('.')) {
    value = metadata;
    for (const part of field.split('.')) value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined;
  }
  if (value === undefined || value === null) return null;
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'string') return asNumber(value) ?? value;
  return JSON.stringify(value);
}

/**
 * Order of group values in every table: numbers ascending, then text in
 * code-unit order, then booleans, then null (documents without the field) last.
 */
export function compareGroups(a: Cell, b: Cell): number {
  const rank = (value: Cell) => (value === null ? 3 : typeof value === 'number' ? 0 : typeof value === 'string' ? 1 : 2);
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (a === null || b === null) return 0;
  return a < b ? -1 : a > b ? 1 : 0;
}
