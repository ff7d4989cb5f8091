/**
 * Lint configuration: `.gongwenrc.json`, `.gongwenrc.yaml` (`.yml`) or a
 * `"gongwen"` field in package.json, searched from the linted file's folder
 * up to the file system root; the first folder that has one wins (as
 * cosmiconfig and unified-engine do). Validated key by key: a bad value is a
 * GongwenError naming the file and the key, never a silently ignored rule.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { GongwenError } from '../diagnostics.js';
import { recommended } from './presets.js';
import { isRuleId, RULE_IDS } from './rules/index.js';
import type { LintConfig, ResolvedRules, RuleSetting, Severity } from './types.js';

const SEVERITIES: ReadonlySet<string> = new Set<Severity>(['off', 'warn', 'error']);
const CONFIG_FILES = ['.gongwenrc.json', '.gongwenrc.yaml', '.gongwenrc.yml', 'package.json'] as const;

/**
 * The configuration that applies to `fromPath` (a file or a folder): the
 * nearest config file's, or `{}` (the recommended preset) when there is none.
 * The file it came from is in `source`. Config files owned by another user
 * are passed over (see findConfig).
 */
export function loadConfig(fromPath: string): LintConfig {
  return findConfig(fromPath).config;
}

/** The configuration that applies, and the config files passed over on the way because another user owns them. */
export interface FoundConfig {
  config: LintConfig;
  /** Config files owned by neither the current user nor root, not read: `{ path, uid }`. */
  ignored: Array<{ path: string; uid: number }>;
}

/**
 * loadConfig, saying what it passed over. A config file owned by neither
 * the current user nor root is not read: in a shared folder (/tmp, a
 * colleague's share) anyone could plant a `.gongwenrc.yaml` that turns on
 * rewriting fixes for every file below it — the reason git refuses a
 * repository owned by someone else (safe.directory). Root's files are
 * trusted as the system's, as ESLint and Prettier trust every config up to
 * the root; the CLI says which file applied (`--verbose`, and `--fix`'s summary).
 * Windows has no uid: nothing is passed over there.
 */
export function findConfig(fromPath: string): FoundConfig {
  const ignored: FoundConfig['ignored'] = [];
  const me = process.getuid?.();
  let folder = resolve(fromPath);
  if (existsSync(folder) && !statSync(folder).isDirectory()) folder = dirname(folder);
  else if (!existsSync(folder)) folder = dirname(folder);
  for (;;) {
    for (const name of CONFIG_FILES) {
      const path = join(folder, name);
      if (!existsSync(path)) continue;
      const { uid } = statSync(path);
      if (me !== undefined && uid !== me && uid !== 0) {
        ignored.push({ path, uid });
        continue;
      }
      const found = readConfigFile(path);
      if (found) return { config: found, ignored };
    }
    const parent = dirname(folder);
    if (parent === folder) return { config: {}, ignored };
    folder = parent;
  }
}

/** One config file, validated; null for a package.json without a "gongwen" field. */
export function readConfigFile(path: string): LintConfig | null {
  let raw: unknown;
  let content: string;
  try {
    content = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new GongwenError('USAGE', `${path}: ${code === 'ENOENT' ? 'no such config file' : `cannot be read (${code ?? (error as Error).message})`}`, { cause: error });
  }
  try {
    raw = path.endsWith('.json') ? JSON.parse(content) : parseYaml(content);
  } catch (error) {
    throw new GongwenError('USAGE', `${path}: not valid ${path.endsWith('.json') ? 'JSON' : 'YAML'} (${(error as Error).message.split('\n')[0]})`, { cause: error });
  }
  if (path.endsWith('package.json')) {
    if (raw === null || typeof raw !== 'object' || !('gongwen' in raw)) return null;
    return validateConfig((raw as { gongwen: unknown }).gongwen, path, 'gongwen.');
  }
  return validateConfig(raw ?? {}, path, '');
}

/** Checks a config object; `where` names it in errors (a path), `prefix` the key path inside. */
export function validateConfig(raw: unknown, where: string, prefix = ''): LintConfig {
  const fail = (key: string, problem: string): never => {
    throw new GongwenError('USAGE', `${where}: ${prefix}${key}: ${problem}`);
  };
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) fail('', 'the configuration must be an object with "rules" (and optionally "extends")');
  const config: LintConfig = { source: where };
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (key === 'extends') {
      if (value !== 'recommended' && value !== 'none') fail('extends', `"${String(value)}" is not a preset (recommended or none)`);
      config.extends = value as 'recommended' | 'none';
    } else if (key === 'rules') {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) fail('rules', 'must be an object of rule id → off, warn or error');
      config.rules = {};
      for (const [id, setting] of Object.entries(value as Record<string, unknown>)) {
        if (!isRuleId(id)) fail(`rules.${id}`, `no such rule (rules: ${RULE_IDS.join(', ')})`);
        config.rules[id] = validateSetting(setting, (problem) => fail(`rules.${id}`, problem));
      }
    } else {
      fail(key, 'unknown key (a configuration has "extends" and "rules")');
    }
  }
  return config;
}

function validateSetting(setting: unknown, fail: (problem: string) => never): RuleSetting {
  if (typeof setting === 'string') {
    if (!SEVERITIES.has(setting)) fail(`"${setting}" is not off, warn or error`);
    return setting as Severity;
  }
  if (Array.isArray(setting) && setting.length >= 1 && setting.length <= 2) {
    const [severity, options] = setting as [unknown, unknown];
    if (typeof severity !== 'string' || !SEVERITIES.has(severity)) fail(`"${String(severity)}" is not off, warn or error`);
    if (setting.length === 2 && (options === null || typeof options !== 'object' || Array.isArray(options))) fail('options must be an object');
    return setting.length === 2 ? [severity as Severity, options] : [severity as Severity];
  }
  return fail('must be off, warn, error or [severity, options]');
}

/** Every rule with its severity and options: the preset, then the config's rules, then `overrides` (e.g. `--rule`). */
export function resolveRules(config: LintConfig = {}, overrides: Record<string, RuleSetting> = {}): ResolvedRules {
  const resolved: ResolvedRules = {};
  for (const id of RULE_IDS) resolved[id] = { severity: config.extends === 'none' ? 'off' : recommended[id] };
  for (const [id, setting] of Object.entries({ ...config.rules, ...overrides })) {
    const [severity, options] = Array.isArray(setting) ? setting : [setting];
    resolved[id] = options === undefined ? { severity } : { severity, options };
  }
  return resolved;
}
