/**
 * Every regular expression in src/ is checked for super-linear backtracking (ReDoS) by
 * recheck (https://makenowjust-labs.github.io/recheck/), offline:
 *
 * - regex literals, found by parsing each source file (oxc-parser);
 * - patterns built with `new RegExp(…)`, recorded while the fixtures run through parse,
 *   analyze and the linter with every rule on (a recording RegExp stands in for the global
 *   one), and every `new RegExp` call site of src/ must have been seen, so none goes unchecked.
 *
 * A pattern recheck finds super-linear passes only when its input is short by construction,
 * and BOUNDED_INPUT says why; end-to-end timings on adversarial input are in
 * adversarial.test.ts.
 *
 * recheck proves patterns with lookaround only by fuzzing, which can miss a slow case:
 * those were read by hand. `的(?!.*的)` (metrics.ts tidy) is quadratic, on a phrase of at most
 * 81 characters; `^.*[从在把…](?=.{2})` (list-summaries.ts) is anchored and runs on a list
 * of bounded length; the number literal (numbers.ts, sticky) and placeholder runs
 * (placeholders.ts) consume each run once.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseSync } from 'oxc-parser';
import { checkSync } from 'recheck';
import { fixtureNames, readFixture } from './helpers/fixtures.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const srcDir = `${root}src/`;

/** Where the patterns users type (kwic --regex, --where title~…) are compiled: any with a quantifier runs on re2js, linear whatever it is. */
const USER_PATTERNS = 'corpus/user-pattern.ts';

/** The files scanned: all of src/ but USER_PATTERNS. */
const SCANNED = (file: string) => file !== USER_PATTERNS;

/** In metrics.ts, the window before a number a metric is read from is at most 81 characters (describe, lastIndexOfAny). */
const METRIC_WINDOW = 'metrics.ts: on the window before a number (at most 81 characters) or a phrase of it';

/**
 * Patterns with a super-linear worst case whose input is bounded by the code that calls
 * them, so the worst case is a constant: file, the pattern's source (or its start), why.
 */
const BOUNDED_INPUT: ReadonlyArray<{ file: string; source: string; why: string }> = [
  { file: 'extract/metrics/wording.ts', source: '\\(\\?<?[!=][^)]*\\)', why: 'verbLength: runs once at load on the verb list, never on input' },
  { file: 'extract/slogan-dictionary.ts', source: '#.*$', why: 'strips comments from the lines of dicts/words.txt at load, never from input' },
  { file: 'skeleton/debris.ts', source: '##[A-Za-z_]{2,20}##|【[^】\\n]{0,40}?', why: 'bounded repeats: at most ~40 × 40 steps from each 【' },
  { file: 'skeleton/document.ts', source: '^\\s*((?:19|20)[0-9]{2})年[，,]', why: 'on the first 600 characters only' },
  { file: 'extract/metrics/wording.ts', source: '^.*?(?:通过|经过|采取|利用|依托|借助|运用)', why: METRIC_WINDOW },
  { file: 'extract/metrics/wording.ts', source: '(?:排名|位居|位列|并列|居|列|排)[^，。；、]*$', why: METRIC_WINDOW },
  { file: 'extract/metrics/wording.ts', source: '比[^，。；]*$', why: METRIC_WINDOW },
  { file: 'extract/metrics/wording.ts', source: '[”"》]+$', why: METRIC_WINDOW },
  { file: 'extract/metrics/wording.ts', source: '^[”》]+|[“《]+$', why: METRIC_WINDOW },
  // TRAILING_FILLER: tidy (a phrase of the window) and nounAfter (a noun of at most 10 characters).
  { file: 'extract/metrics/wording.ts', source: '(?:共计|共|累计|达到|达|为|是|的|已经|已|', why: METRIC_WINDOW },
  { file: 'skeleton/back-matter.ts', source: '^附(?:件|表|录)', why: 'backMatterOpener: on a line of at most 40 characters (LONGEST_OPENER), checked first' },
  { file: 'skeleton/front-matter.ts', source: '在.{2,60}(?:会议', why: 'frontMatterRole: on a line of at most 120 characters (LONGEST_FRONT_MATTER_LINE), checked first' },
  { file: 'lint/spelled-out-lists.ts', source: '^(.{2,}?)(?:和|以及)(.{2,})$', why: 'on the last item of a list, which spelledOutList cuts from the 200 characters after a slogan' },
];

const boundedEntry = (pattern: Pattern) =>
  BOUNDED_INPUT.find((entry) => pattern.at.startsWith(`${entry.file}:`) && pattern.source.startsWith(entry.source));

interface Pattern {
  source: string;
  flags: string;
  /** `file.ts:line` of the literal or the `new RegExp` call. */
  at: string;
}

/** Every .ts file under src/, relative to src/. */
function sourceFiles(dir = srcDir, prefix = ''): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) files.push(...sourceFiles(`${dir}${entry.name}/`, `${prefix}${entry.name}/`));
    else if (entry.name.endsWith('.ts')) files.push(`${prefix}${entry.name}`);
  }
  return files.filter(SCANNED).sort();
}

/** Regex literals and `RegExp(…)` call sites of the source files. */
function scanSources(): { literals: Pattern[]; constructorSites: Set<string> } {
  const literals: Pattern[] = [];
  const constructorSites = new Set<string>();
  for (const file of sourceFiles()) {
    const code = readFileSync(`${srcDir}${file}`, 'utf8');
    const parsed = parseSync(file, code, { lang: 'ts' });
    if (parsed.errors.length > 0) throw new Error(`${file}: ${parsed.errors[0]!.message}`);
    const lineOf = (offset: number) => code.slice(0, offset).split('\n').length;
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(walk);
      if (node === null || typeof node !== 'object') return;
      const record = node as { type?: string; start?: number; regex?: { pattern: string; flags: string }; callee?: { type: string; name?: string } };
      if (record.type === 'Literal' && record.regex) literals.push({ source: record.regex.pattern, flags: record.regex.flags, at: `${file}:${lineOf(record.start!)}` });
      if ((record.type === 'NewExpression' || record.type === 'CallExpression') && record.callee?.type === 'Identifier' && record.callee.name === 'RegExp') {
        constructorSites.add(`${file}:${lineOf(record.start!)}`);
      }
      for (const [key, value] of Object.entries(record)) if (key !== 'parent' && typeof value === 'object') walk(value);
    };
    walk(parsed.program);
  }
  return { literals, constructorSites };
}

/**
 * The patterns src/ builds with `new RegExp`, recorded while it is imported and runs on
 * the fixtures. The global RegExp is replaced by a Proxy for the duration (literals do not
 * go through it; `instanceof RegExp` still works).
 */
async function recordBuiltPatterns(): Promise<Pattern[]> {
  const built: Pattern[] = [];
  const original = globalThis.RegExp;
  const frame = new RegExp(`${srcDir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(.+?\\.ts):(\\d+):\\d+`);
  globalThis.RegExp = new Proxy(original, {
    construct(target, args, newTarget) {
      const made = Reflect.construct(target, args, newTarget === globalThis.RegExp ? target : newTarget) as RegExp;
      const site = frame.exec(new Error().stack ?? '');
      if (site && SCANNED(site[1]!)) built.push({ source: made.source, flags: made.flags, at: `${site[1]}:${site[2]}` });
      return made;
    },
  });
  try {
    const gongwen = await import('../src/index.js');
    // The linter is not part of the main entry; its rules build patterns at import and per run.
    const lint = await import('../src/lint/index.js');
    const allRules = Object.fromEntries(lint.RULE_IDS.map((id) => [id, 'warn' as const]));
    for (const name of fixtureNames()) {
      const text = readFixture(name);
      gongwen.analyze(text, { segmenter: 'runs' });
      gongwen.analyzeJson(text);
      await lint.lintText(text, { config: { extends: 'none', rules: allRules } });
    }
  } finally {
    globalThis.RegExp = original;
  }
  return built;
}

describe('every regex of src/ is free of super-linear backtracking (recheck)', () => {
  let literals: Pattern[] = [];
  let constructorSites = new Set<string>();
  let built: Pattern[] = [];
  beforeAll(async () => {
    ({ literals, constructorSites } = scanSources());
    built = await recordBuiltPatterns();
  });

  it('finds the regexes: literals in the sources, every `new RegExp` call site seen at run time', () => {
    expect(literals.length).toBeGreaterThan(100);
    expect(constructorSites.size).toBeGreaterThan(30);
    const seen = new Set(built.map((pattern) => pattern.at));
    expect([...constructorSites].filter((site) => !seen.has(site))).toEqual([]);
  });

  it('each pattern is linear, or its input is bounded (BOUNDED_INPUT)', () => {
    const unique = new Map<string, Pattern>();
    for (const pattern of [...literals, ...built]) unique.set(`/${pattern.source}/${pattern.flags}`, pattern);
    const problems: string[] = [];
    const used = new Set<(typeof BOUNDED_INPUT)[number]>();
    for (const pattern of unique.values()) {
      // g and y change where matching starts, not how it backtracks.
      const result = checkSync(pattern.source, pattern.flags.replace(/[gy]/g, ''), { timeout: 60_000, randomSeed: 7 });
      if (result.status === 'safe') continue;
      const entry = result.status === 'vulnerable' ? boundedEntry(pattern) : undefined;
      if (entry !== undefined) {
        used.add(entry);
        continue;
      }
      const detail = result.status === 'vulnerable' ? `${result.complexity.summary}, attack ${result.attack.pattern}` : `unknown: ${result.error.kind}`;
      problems.push(`${pattern.at} /${pattern.source}/${pattern.flags}: ${detail}`);
    }
    expect(problems, 'make these linear (or a loop), or bound their input and say why in BOUNDED_INPUT').toEqual([]);
    // An entry whose pattern is gone or became linear is stale.
    expect(BOUNDED_INPUT.filter((entry) => !used.has(entry)).map((entry) => `${entry.file} /${entry.source}`)).toEqual([]);
  });
});
