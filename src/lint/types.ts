/**
 * The lint layer's contract: rule ids, severities and the configuration shape
 * that `.gongwenrc.*`, presets and `lintText` share.
 */
import type { Analysis } from '../analyze.js';

/** `off` skips a rule, `warn` reports (exit 0), `error` reports with `fatal: true` (exit 1). */
export type Severity = 'off' | 'warn' | 'error';

/** A rule's setting: a severity, or a severity with the rule's options (remark-lint's `[severity, options]`). */
export type RuleSetting = Severity | [Severity] | [Severity, unknown];

/** What `.gongwenrc.json`, `.gongwenrc.yaml` or `"gongwen"` in package.json hold. */
export interface LintConfig {
  /** A preset whose rules this config starts from; only `recommended` exists. Default: `recommended`. */
  extends?: 'recommended' | 'none';
  /** Per rule id: `off` / `warn` / `error`, or `[severity, options]`. Unnamed rules keep the preset's setting. */
  rules?: Record<string, RuleSetting>;
  /** The file this configuration was read from (set by loadConfig), for messages. */
  source?: string;
}

/** A configuration with every rule resolved to a severity and options. */
export type ResolvedRules = Record<string, { severity: Severity; options?: unknown }>;

/** Put on `file.data.gongwen` by the `gongwenParse` plugin: rules read the analysis here, they never re-parse. */
export interface GongwenFileData {
  /** The text the analysis was made of (the file's value, as a string). */
  text: string;
  analysis: Analysis;
}

declare module 'vfile' {
  interface DataMap {
    gongwen: GongwenFileData;
  }
}
