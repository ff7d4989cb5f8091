/** Config files found from the linted file's folder up; invalid ones named with the key at fault. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GongwenError } from '../../src/diagnostics.js';
import { lintText, loadConfig, resolveRules } from '../../src/lint/index.js';
import { readFixture } from './helpers.js';

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'gongwen-config-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

describe('loadConfig', () => {
  it('finds .gongwenrc.json in a parent folder of the file', () => {
    const root = tree({ '.gongwenrc.json': '{"rules": {"placeholder-left": "off"}}', 'reports/2024/report.txt': '' });
    const config = loadConfig(join(root, 'reports/2024/report.txt'));
    expect(config.rules).toEqual({ 'placeholder-left': 'off' });
    expect(config.source).toBe(join(root, '.gongwenrc.json'));
  });

  it('takes the nearest: .gongwenrc.yaml beside the file over package.json above', () => {
    const root = tree({
      'package.json': JSON.stringify({ name: 'x', gongwen: { rules: { debris: 'warn' } } }),
      'reports/.gongwenrc.yaml': 'rules:\n  debris: [error]\n  slogan-variant: [warn, { fixVariants: true }]\n',
      'reports/a.txt': '',
      'other/b.txt': '',
    });
    expect(loadConfig(join(root, 'reports/a.txt')).rules).toEqual({ debris: ['error'], 'slogan-variant': ['warn', { fixVariants: true }] });
    expect(loadConfig(join(root, 'other/b.txt')).rules).toEqual({ debris: 'warn' });
  });

  it('skips a package.json without a "gongwen" field', () => {
    const root = tree({ 'package.json': '{"name": "x"}', 'a/package.json': '{"name": "y"}', 'a/r.txt': '' });
    expect(loadConfig(join(root, 'a/r.txt')).rules).toBeUndefined();
  });

  it.each([
    ['{"rules": {"placeholder-left": "errror"}}', /\.gongwenrc\.json: rules\.placeholder-left: "errror" is not off, warn or error/],
    ['{"rules": {"no-such-rule": "off"}}', /\.gongwenrc\.json: rules\.no-such-rule: no such rule/],
    ['{"rule": {}}', /\.gongwenrc\.json: rule: unknown key/],
    ['{"extends": "strict"}', /\.gongwenrc\.json: extends: "strict" is not a preset/],
    ['{"rules": {"debris": ["warn", 3]}}', /rules\.debris: options must be an object/],
    ['{"rules": ', /\.gongwenrc\.json: not valid JSON/],
  ])('refuses %s with a GongwenError naming the file and the key', (content, message) => {
    const root = tree({ '.gongwenrc.json': content, 'r.txt': '' });
    expect(() => loadConfig(join(root, 'r.txt'))).toThrow(GongwenError);
    expect(() => loadConfig(join(root, 'r.txt'))).toThrow(message);
  });
});

describe('configured rules', () => {
  it('turns a rule off, sets a severity, and extends nothing with "none"', async () => {
    const text = readFixture('seed-000');
    const off = await lintText(text, { config: { rules: { 'placeholder-left': 'off' } } });
    expect(off.messages.map((message) => message.ruleId)).toEqual(['debris', 'debris', 'debris']);
    const warn = await lintText(text, { config: { extends: 'none', rules: { debris: 'warn' } } });
    expect(warn.messages.every((message) => message.fatal === false && message.ruleId === 'debris')).toBe(true);
    expect(resolveRules({ extends: 'none' })['placeholder-left']).toEqual({ severity: 'off' });
  });
});
