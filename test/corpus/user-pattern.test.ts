/**
 * The patterns users type run in linear time: `^(.|.)*X$` hung `corpus --where`
 * and `kwic --regex` (V8 backtracks 2^n ways over n characters); on RE2 it is
 * answered at once. Matches are where V8 finds them, in UTF-16 offsets.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { userPattern } from '../../src/corpus/user-pattern.js';

describe('userPattern', () => {
  it('answers `^(.|.)*X$` over a 40-character title at once (V8: 2^40 steps)', () => {
    // In a child with a time limit: the old engine cannot be interrupted once it runs.
    const script = `
      import { userPattern } from ${JSON.stringify(new URL('../../dist/corpus/user-pattern.js', import.meta.url).href)};
      const pattern = userPattern('^(.|.)*X$', '--where');
      const started = performance.now();
      const found = pattern.test('关于'.repeat(20)) || [...pattern.matches('a'.repeat(100_000))].length > 0;
      console.log(JSON.stringify({ found, ms: performance.now() - started }));`;
    const { found, ms } = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 20_000 })) as { found: boolean; ms: number };
    expect(found).toBe(false);
    expect(ms).toBeLessThan(5000);
  });

  it('finds what V8 finds, at the same UTF-16 offsets (also past an astral character and for empty matches)', () => {
    const text = '坚持𠀀“一带一路”，推动“一带一路”高质量发展，发展12.5%';
    for (const source of ['“一带一路”', '一带一?路', '发展\\d*(\\.\\d+)?%?', '\\p{Script=Han}{2}(?:发展)', '[\\u4e00-\\u9fff]+', 'x*']) {
      const expected = [...text.matchAll(new RegExp(source, 'gu'))].map((match) => ({ start: match.index, end: match.index + match[0].length }));
      expect([...userPattern(source, '--regex').matches(text)]).toEqual(expected);
      expect(userPattern(source, '--regex').test(text)).toBe(expected.length > 0);
    }
  });

  it('refuses what RE2 cannot run in linear time (lookbehind, backreferences) with a usage error naming the flag', () => {
    expect(() => userPattern('(?<=推动)发展+', '--regex')).toThrow(/^--regex: "\(\?<=推动\)发展\+" is not a regular expression: .*linear-time engine, RE2: no lookaround or backreferences\)$/);
    expect(() => userPattern('(发展)\\1+', '--where')).toThrow(/^--where: .*RE2/);
    expect(() => userPattern('(', '--where')).toThrow(/^--where: "\(" is not a regular expression/);
  });
});
