/**
 * Regular expressions the user types — `--regex` (kwic), `--where title~…`,
 * `--subject /…/` (metrics) — compiled in this one place, and run in linear
 * time whatever they are.
 *
 * V8's backtracking engine takes exponential time on patterns such as
 * `^(.|.)*X$` (one 30-character title hung `corpus --where` for good), and a
 * pattern cannot be interrupted once it runs. So a pattern with a quantifier
 * runs on re2js, the JavaScript port of RE2: its automaton matches in time
 * linear in the text, with RE2's syntax (no lookaround, no backreferences;
 * those are refused with a USAGE error; JavaScript's `\\u4e00` and
 * `\\p{Script=Han}` are read too). Measured on 200,000 characters of
 * reports: 46–124 ms per pattern against V8's 1–3 ms; re2-wasm found the same
 * matches but copies the text into WebAssembly on every match (31 s for 1,482
 * matches of 发展), so it was not taken. A pattern without any quantifier
 * (`发展`, `[一二三]、`) cannot backtrack and keeps V8's speed.
 */
import { RE2JS } from 're2js';
import { GongwenError } from '../diagnostics.js';

/** A compiled user pattern: whether it matches, and where (UTF-16 offsets, as String.prototype.slice takes). */
export interface UserPattern {
  readonly source: string;
  test(text: string): boolean;
  /** Every non-overlapping match, left to right. */
  matches(text: string): Iterable<{ start: number; end: number }>;
}

/** `*`, `+`, `?` or `{n,m}` outside a character class and not escaped: what lets a backtracking engine blow up. */
function hasQuantifier(source: string): boolean {
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const character = source[i]!;
    if (character === '\\') i++;
    else if (inClass) inClass = character !== ']';
    else if (character === '[') inClass = true;
    else if ('*+?{'.includes(character)) return true;
  }
  return false;
}

/**
 * JavaScript's spellings RE2 does not read, in RE2's: `\uXXXX` and `\u{X…}` →
 * `\x{X…}`, `\p{Script=Han}` (`sc=`) → `\p{Han}`. Everything else is passed as typed.
 */
function toRe2Syntax(source: string): string {
  let out = '';
  for (let i = 0; i < source.length; i++) {
    if (source[i] !== '\\') {
      out += source[i];
      continue;
    }
    const rest = source.slice(i);
    const unicode = /^\\u(?:([0-9a-fA-F]{4})|\{([0-9a-fA-F]{1,6})\})/.exec(rest);
    const script = /^\\([pP])\{(?:Script|sc)=([A-Za-z_]{1,40})\}/.exec(rest);
    if (unicode) {
      out += `\\x{${unicode[1] ?? unicode[2]}}`;
      i += unicode[0].length - 1;
    } else if (script) {
      out += `\\${script[1]}{${script[2]}}`;
      i += script[0].length - 1;
    } else {
      out += source.slice(i, i + 2);
      i++;
    }
  }
  return out;
}

/** `flag` names the option in errors (`--regex`). */
export function userPattern(source: string, flag: string): UserPattern {
  const invalid = (reason: string) => new GongwenError('USAGE', `${flag}: "${source}" is not a regular expression: ${reason}`);
  if (!hasQuantifier(source)) {
    let native: RegExp;
    try {
      native = new RegExp(source, 'gu');
    } catch (error) {
      throw invalid((error as Error).message);
    }
    return {
      source,
      test: (text) => {
        native.lastIndex = 0;
        return native.test(text);
      },
      matches: function* (text) {
        for (const match of text.matchAll(native)) yield { start: match.index, end: match.index + match[0].length };
      },
    };
  }
  let linear: RE2JS;
  try {
    linear = RE2JS.compile(toRe2Syntax(source));
  } catch (error) {
    throw invalid(`${(error as Error).message} (patterns run on a linear-time engine, RE2: no lookaround or backreferences)`);
  }
  return {
    source,
    test: (text) => linear.test(text),
    matches: function* (text) {
      const matcher = linear.matcher(text);
      let from = 0;
      while (from <= text.length && matcher.find(from)) {
        const start = matcher.start();
        const end = matcher.end();
        yield { start, end };
        // An empty match moves one character on, as matchAll does (a surrogate pair is one character).
        from = end > start ? end : end + (text.codePointAt(end)! > 0xffff ? 2 : 1);
      }
    },
  };
}
