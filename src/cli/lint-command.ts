/**
 * `gongwen lint FILE…|DIR|-`: the lint rules over reports, in the shape of
 * eslint and remark-cli. Exit 0 clean or warnings only, 1 on an error-level
 * message (or more warnings than --max-warnings), 2 on bad usage or input.
 */
import { readdir, realpath, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { reporter } from 'vfile-reporter';
import type { VFile } from 'vfile';
import { GongwenError } from '../diagnostics.js';
import { applyFixesDetailed } from '../lint/fix.js';
import { lintText } from '../lint/lint.js';
import { findConfig, readConfigFile } from '../lint/config.js';
import { isRuleId, RULE_IDS } from '../lint/rules/index.js';
import { lintJson } from '../lint/formats/json.js';
import { lintSarif } from '../lint/formats/sarif.js';
import type { LintConfig, RuleSetting, Severity } from '../lint/types.js';
import { readInput } from './read-input.js';
import { readSnapshot, replaceFile, type FileSnapshot } from './replace-file.js';
import { resolveMaxBytes } from '../archive/limits.js';
import { packageVersion } from '../package-version.js';
import { MAX_SIZE_OPTION, maxBytesOption } from './max-size-option.js';
import { ENCODING_OPTION, type Command } from './command.js';

interface LintCommandOptions {
  format?: string;
  fix?: boolean;
  rule?: string[];
  quiet?: boolean;
  'max-warnings'?: string;
  'max-size'?: string;
  config?: string;
  encoding?: string;
  verbose?: boolean;
}

export const lintCommand: Command = {
  name: 'lint',
  usage: `gongwen lint FILE…|DIR|- [--format stylish|json|sarif] [--fix] [--rule ID:off|warn|error]…
                          [--quiet] [--max-warnings N] [--config FILE] [--encoding LABEL]
                          [--max-size SIZE] [--verbose]
    Check drafts: blanks left in, numbering, formulas, quotes, debris, years, punctuation.
    Config: .gongwenrc.json / .gongwenrc.yaml / "gongwen" in package.json, from the file's folder up
    (files owned by another user are ignored); --verbose names the config of each file.
    --fix replaces a file whole (temp file, fsync, rename), never one changed since it was read,
    nor a file a link in DIR leads to outside DIR.
    Exit 1 on an error-level message or more than N warnings. Rules:
${wrap(RULE_IDS.join(', '), 92, '      ')}`,
  options: {
    ...ENCODING_OPTION,
    ...MAX_SIZE_OPTION,
    format: { type: 'string', short: 'f', default: 'stylish' },
    fix: { type: 'boolean', default: false },
    rule: { type: 'string', multiple: true },
    quiet: { type: 'boolean', short: 'q', default: false },
    'max-warnings': { type: 'string' },
    config: { type: 'string', short: 'c' },
    verbose: { type: 'boolean', default: false },
  },
  run: (inputs, values) => runLint(inputs, values as LintCommandOptions),
};

const FORMATS = new Set(['stylish', 'json', 'sarif']);
/** What a folder is searched for: the formats `readInput` reads. */
const REPORT_EXTENSIONS = /\.(?:txt|text|md|docx|html?|pdf)$/i;
/** More passes than this means fixes keep creating fixable text: stop, report what is left. */
const MAX_FIX_PASSES = 5;

async function runLint(inputs: string[], options: LintCommandOptions): Promise<number> {
  if (inputs.length === 0) throw new GongwenError('USAGE', 'gongwen lint needs a FILE, a folder, or - for stdin');
  const format = options.format ?? 'stylish';
  if (!FORMATS.has(format)) throw new GongwenError('USAGE', `--format takes stylish, json or sarif, not "${format}"`);
  const maxWarnings = options['max-warnings'] === undefined ? Infinity : options['max-warnings'].trim() === '' ? NaN : Number(options['max-warnings']);
  if (!Number.isInteger(maxWarnings) && maxWarnings !== Infinity) throw new GongwenError('USAGE', `--max-warnings takes a whole number, not "${options['max-warnings']}"`);
  if (maxWarnings < 0) throw new GongwenError('USAGE', `--max-warnings takes a whole number ≥ 0, not "${options['max-warnings']}"`);
  const overrides = parseRuleOptions(options.rule ?? []);
  const fixedConfig = options.config ? explicitConfig(resolve(options.config)) : null;

  const files: VFile[] = [];
  /** Inputs that could not be read, and fixes that could not be written: each told, none stops the run. */
  let failures = 0;
  const configsUsed = new Map<string, number>();
  const ignoredConfigs = new Set<string>();
  const fixes = { written: 0, refused: 0 };
  for (const { path, root } of await expandInputs(inputs)) {
    let config: LintConfig;
    if (fixedConfig) config = fixedConfig;
    else {
      const found = findConfig(path === '-' ? process.cwd() : path);
      for (const { path: ignored, uid } of found.ignored) {
        if (ignoredConfigs.has(ignored)) continue;
        ignoredConfigs.add(ignored);
        process.stderr.write(`gongwen lint: ignored ${ignored}: owned by another user (uid ${uid}), not by you or root\n`);
      }
      config = found.config;
    }
    const configName = config.source ?? 'no config file (the recommended preset)';
    configsUsed.set(configName, (configsUsed.get(configName) ?? 0) + 1);
    if (options.verbose) process.stderr.write(`gongwen lint: ${path === '-' ? '<stdin>' : path}: config ${configName}\n`);
    try {
      const linted = await lintOne(path, { config, overrides, fix: options.fix ?? false, encoding: options.encoding, root, ...maxBytesOption(options['max-size']) });
      files.push(linted.file);
      if (linted.fix === 'written') fixes.written++;
      if (linted.fix === 'refused') {
        fixes.refused++;
        failures++;
      }
    } catch (error) {
      // A bad config or option is the whole run's problem; a file that cannot be read is its own.
      if (!(error instanceof GongwenError) || error.code === 'USAGE') throw error;
      process.stderr.write(`gongwen: ${error.message}\n`);
      failures++;
    }
  }
  if (options.fix && inputs.some((input) => input !== '-')) {
    const used = [...configsUsed].map(([name, count]) => (configsUsed.size === 1 ? name : `${name} (${count} ${count === 1 ? 'file' : 'files'})`)).join('; ');
    const refused = fixes.refused > 0 ? `, ${fixes.refused} not written (see above)` : '';
    process.stderr.write(`gongwen lint --fix: ${fixes.written} ${fixes.written === 1 ? 'file' : 'files'} rewritten${refused}; config: ${used}\n`);
  }

  // Counted before --quiet hides the warnings, so `--quiet --max-warnings 0` still fails on one.
  const warnings = files.reduce((sum, file) => sum + file.messages.filter((message) => !message.fatal).length, 0);
  const errors = files.reduce((sum, file) => sum + file.messages.filter((message) => message.fatal).length, 0);
  if (options.quiet) for (const file of files) file.messages = file.messages.filter((message) => message.fatal);
  // With `- --fix` the fixed text is stdout; the report goes to stderr.
  const out = inputs.includes('-') && options.fix ? process.stderr : process.stdout;
  if (format === 'json') out.write(JSON.stringify(lintJson(files)) + '\n');
  else if (format === 'sarif') out.write(JSON.stringify(lintSarif(files, { version: packageVersion(), root: process.cwd() }), null, 2) + '\n');
  else {
    const text = reporter(files, { quiet: true });
    if (text) out.write(text + '\n');
  }
  if (failures > 0) return 2;
  if (errors > 0) return 1;
  if (warnings > maxWarnings) {
    process.stderr.write(`gongwen lint: ${warnings} warnings, more than --max-warnings ${maxWarnings}\n`);
    return 1;
  }
  return 0;
}

/** `--config FILE`: it must hold a config (a package.json without a "gongwen" field is a usage error, not the preset). */
function explicitConfig(path: string): LintConfig {
  const config = readConfigFile(path);
  if (config === null) throw new GongwenError('USAGE', `${path}: no "gongwen" field to read the lint config from`);
  return config;
}

/** `--rule placeholder-left:off` → { 'placeholder-left': 'off' }. */
function parseRuleOptions(rules: string[]): Record<string, RuleSetting> {
  const overrides: Record<string, RuleSetting> = {};
  for (const rule of rules) {
    const match = /^([a-z-]+):(off|warn|error)$/.exec(rule);
    if (!match) throw new GongwenError('USAGE', `--rule takes ID:off, ID:warn or ID:error, not "${rule}"`);
    if (!isRuleId(match[1]!)) throw new GongwenError('USAGE', `--rule ${rule}: no such rule (rules: ${RULE_IDS.join(', ')})`);
    overrides[match[1]!] = match[2] as Severity;
  }
  return overrides;
}

/** A file to lint; `root`: the real path of the folder it was found in (undefined when named). */
interface LintTarget {
  path: string;
  root?: string;
}

/** Files as given; folders searched recursively (sorted; dotfiles and node_modules skipped). */
async function expandInputs(inputs: string[]): Promise<LintTarget[]> {
  const targets: LintTarget[] = [];
  for (const input of inputs) {
    if (input === '-') {
      targets.push({ path: input });
      continue;
    }
    const info = await stat(input).catch(() => null);
    if (info?.isDirectory()) {
      const root = await realpath(input);
      targets.push(...(await filesIn(input)).map((path) => ({ path, root })));
    } else targets.push({ path: input }); // readInput gives the missing, unreadable or special file its error
  }
  // A file named twice (or inside a folder also named) is linted once.
  const seen = new Set<string>();
  const unique: LintTarget[] = [];
  for (const target of targets) {
    const key = target.path === '-' ? target.path : await realpath(target.path).catch(() => resolve(target.path));
    if (seen.has(key)) continue;
    seen.add(key);
    unique.push(target);
  }
  return unique;
}

/** Every report file below `folder`; links and special files too, for readInput and --fix to refuse with a message. */
async function filesIn(folder: string): Promise<string[]> {
  const found: string[] = [];
  const entries = (await readdir(folder, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) found.push(...(await filesIn(path)));
    else if (REPORT_EXTENSIONS.test(entry.name)) found.push(path);
  }
  return found;
}

interface LintOneOptions {
  config: LintConfig;
  overrides: Record<string, RuleSetting>;
  fix: boolean;
  encoding: string | undefined;
  /** The real path of the folder the file was found in: --fix writes nothing outside it. */
  root: string | undefined;
  maxBytes?: number;
}

/** The messages of one file, and what --fix did: rewrote it, left it (nothing to fix, or not a file to rewrite), or could not write it. */
interface LintOutcome {
  file: VFile;
  fix?: 'written' | 'unchanged' | 'refused';
}

async function lintOne(path: string, options: LintOneOptions): Promise<LintOutcome> {
  const input = await readInput(path, options.encoding, options.maxBytes === undefined ? {} : { maxBytes: options.maxBytes });
  const filePath = path === '-' ? undefined : path;
  const lint = (text: string) => lintText(text, { ...(filePath ? { filePath } : {}), config: options.config, overrides: options.overrides });
  const original = await lint(input.text);
  let file = original;
  let fix: LintOutcome['fix'];
  const target = options.fix ? (path === '-' ? 'stdout' : await fixTarget(path, input.text, options)) : null;
  if (target) {
    let text = input.text;
    for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
      const fixed = applyFixesDetailed(text, file.messages);
      if (fixed.applied.length === 0) break;
      text = fixed.text;
      file = await lint(text);
    }
    fix = 'unchanged';
    // stdin's text always goes to stdout, fixed or not; a file is written only when something changed.
    if (target === 'stdout') process.stdout.write(text);
    else if (text !== input.text) {
      try {
        await replaceFile(target.snapshot, target.bom ? Buffer.concat([UTF8_BOM, Buffer.from(text, 'utf8')]) : Buffer.from(text, 'utf8'));
        fix = 'written';
      } catch (error) {
        if (!(error instanceof GongwenError)) throw error;
        process.stderr.write(`gongwen lint: ${error.message}\n`);
        // Not written: what the file holds is the original text, so its messages are the ones to list.
        file = original;
        fix = 'refused';
      }
    }
  }
  for (const warning of input.warnings) {
    const message = file.message(warning.message, warning.position ? { place: warning.position } : {});
    Object.assign(message, { ruleId: warning.rule, source: 'gongwen', fatal: false });
  }
  return fix === undefined ? { file } : { file, fix };
}

/**
 * Where fixed text may go back, read now for the check before the write
 * (replace-file.ts): only where that is lossless — a UTF-8 text file whose
 * bytes are exactly the text read (a BOM kept as it was); a .docx, a PDF or a
 * GBK file is linted, not rewritten — and, for a file found in a folder, only
 * when its real path is inside that folder: a link in DIR to a file elsewhere
 * is not written through. Null (with the reason on stderr) when not.
 */
async function fixTarget(path: string, text: string, options: LintOneOptions): Promise<{ snapshot: FileSnapshot; bom: boolean } | null> {
  const { bytes, snapshot } = await readSnapshot(path, resolveMaxBytes(options.maxBytes));
  if (options.root !== undefined) {
    const inside = relative(options.root, snapshot.path);
    if (inside === '' || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) {
      process.stderr.write(`gongwen lint: ${path}: not fixed (a symbolic link to ${snapshot.path}, outside ${options.root}); its messages are listed\n`);
      return null;
    }
  }
  const bom = bytes.subarray(0, 3).equals(UTF8_BOM) && !text.startsWith('\ufeff');
  if ((bom ? bytes.subarray(3) : bytes).equals(Buffer.from(text, 'utf8'))) return { snapshot, bom };
  process.stderr.write(`gongwen lint: ${path}: not fixed (only UTF-8 text files are rewritten); its messages are listed\n`);
  return null;
}

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** Words of `text` in lines of at most `width` characters, each after `indent`. */
function wrap(text: string, width: number, indent: string): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(indent + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(indent + line);
  return lines.join('\n');
}

