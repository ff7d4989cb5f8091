/**
 * `gongwen lint FILE…|DIR|-`: the lint rules over reports, in the shape of
 * eslint and remark-cli. Exit 0 clean or warnings only, 1 on an error-level
 * message (or more warnings than --max-warnings), 2 on bad usage or input.
 */
import { readFile, readdir, realpath, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { reporter } from 'vfile-reporter';
import type { VFile } from 'vfile';
import { GongwenError } from '../diagnostics.js';
import { applyFixesDetailed } from '../lint/fix.js';
import { lintText } from '../lint/lint.js';
import { loadConfig, readConfigFile } from '../lint/config.js';
import { isRuleId, RULE_IDS } from '../lint/rules/index.js';
import { lintJson } from '../lint/formats/json.js';
import { lintSarif } from '../lint/formats/sarif.js';
import type { LintConfig, RuleSetting, Severity } from '../lint/types.js';
import { readInput } from './read-input.js';
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
}

export const lintCommand: Command = {
  name: 'lint',
  usage: `gongwen lint FILE…|DIR|- [--format stylish|json|sarif] [--fix] [--rule ID:off|warn|error]…
                          [--quiet] [--max-warnings N] [--config FILE] [--encoding LABEL]
                          [--max-size SIZE]
    Check drafts: blanks left in, numbering, formulas, quotes, debris, years, punctuation.
    Config: .gongwenrc.json / .gongwenrc.yaml / "gongwen" in package.json, from the file's folder up.
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
  for (const path of await expandInputs(inputs)) {
    const config: LintConfig = fixedConfig ?? loadConfig(path === '-' ? process.cwd() : path);
    files.push(await lintOne(path, { config, overrides, fix: options.fix ?? false, encoding: options.encoding, ...maxBytesOption(options['max-size']) }));
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

/** Files as given; folders searched recursively (sorted; dotfiles and node_modules skipped). */
async function expandInputs(inputs: string[]): Promise<string[]> {
  const paths: string[] = [];
  for (const input of inputs) {
    if (input === '-') {
      paths.push(input);
      continue;
    }
    const info = await stat(input).catch(() => null);
    if (info?.isDirectory()) paths.push(...(await filesIn(input)));
    else paths.push(input); // readInput gives the missing or unreadable file its error
  }
  // A file named twice (or inside a folder also named) is linted once.
  const seen = new Set<string>();
  const unique: string[] = [];
  for (const path of paths) {
    const key = path === '-' ? path : await realpath(path).catch(() => resolve(path));
    if (seen.has(key)) continue;
    seen.add(key);
    unique.push(path);
  }
  return unique;
}

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
  maxBytes?: number;
}

async function lintOne(path: string, options: LintOneOptions): Promise<VFile> {
  const input = await readInput(path, options.encoding, options.maxBytes === undefined ? {} : { maxBytes: options.maxBytes });
  const filePath = path === '-' ? undefined : path;
  const lint = (text: string) => lintText(text, { ...(filePath ? { filePath } : {}), config: options.config, overrides: options.overrides });
  let file = await lint(input.text);
  if (options.fix && (path === '-' || (await rewritable(path, input.text)))) {
    let text = input.text;
    for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
      const fixed = applyFixesDetailed(text, file.messages);
      if (fixed.applied.length === 0) break;
      text = fixed.text;
      file = await lint(text);
    }
    // stdin's text always goes to stdout, fixed or not; a file is written only when something changed.
    if (path === '-' || text !== input.text) await writeFixed(path, input.text, text);
  }
  for (const warning of input.warnings) {
    const message = file.message(warning.message, warning.position ? { place: warning.position } : {});
    Object.assign(message, { ruleId: warning.rule, source: 'gongwen', fatal: false });
  }
  return file;
}

/**
 * Fixed text goes back only where that is lossless: a UTF-8 text file whose bytes are
 * exactly the text read (a BOM kept as it was). A .docx, a PDF or a GBK file is linted, not rewritten.
 */
async function rewritable(path: string, text: string): Promise<boolean> {
  const bytes = await readFile(path);
  const plain = bytes.subarray(0, 3).equals(UTF8_BOM) && !text.startsWith('\ufeff') ? bytes.subarray(3) : bytes;
  if (plain.equals(Buffer.from(text, 'utf8'))) return true;
  process.stderr.write(`gongwen lint: ${path}: not fixed (only UTF-8 text files are rewritten); its messages are listed\n`);
  return false;
}

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

async function writeFixed(path: string, original: string, fixed: string): Promise<void> {
  if (path === '-') {
    process.stdout.write(fixed);
    return;
  }
  const bytes = await readFile(path);
  const bom = bytes.subarray(0, 3).equals(UTF8_BOM) && !original.startsWith('\ufeff');
  await writeFile(path, bom ? Buffer.concat([UTF8_BOM, Buffer.from(fixed, 'utf8')]) : fixed);
}

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

