import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// What a user of the published package gets: the exports map, built JS and type declarations.
describe('the package as users import it', () => {
  it('exports parse, analyze and outline from gongwen, analyzeFiles from gongwen/archive', async () => {
    const root = await import('gongwen');
    expect(typeof root.parse).toBe('function');
    expect(typeof root.analyze).toBe('function');
    expect(root.outline(root.parse('一、总体情况\n', { segmenter: 'runs' }))).toBe('一、 总体情况\n');
    const archive = await import('gongwen/archive');
    expect(typeof archive.analyzeFiles).toBe('function');
  });

  it('ships type declarations for every entry point and a bin', () => {
    const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      exports: Record<string, { types?: string; import?: string }>;
      bin: Record<string, string>;
    };
    for (const entry of Object.values(manifest.exports)) {
      if (typeof entry === 'object') {
        expect(existsSync(new URL(`../${entry.types}`, import.meta.url))).toBe(true);
        expect(existsSync(new URL(`../${entry.import}`, import.meta.url))).toBe(true);
      }
    }
    expect(readFileSync(new URL(`../${manifest.bin.gongwen}`, import.meta.url), 'utf8').startsWith('#!/usr/bin/env node')).toBe(true);
  });

  it('package-lock.json lists every optional platform package, or npm ci refuses it (run .ci/complete-lockfile.mjs)', () => {
    const lock = JSON.parse(readFileSync(new URL('../package-lock.json', import.meta.url), 'utf8')) as {
      packages: Record<string, { optionalDependencies?: Record<string, string> }>;
    };
    const missing: string[] = [];
    for (const [key, info] of Object.entries(lock.packages)) {
      for (const name of Object.keys(info.optionalDependencies ?? {})) {
        if (!lock.packages[`node_modules/${name}`] && !lock.packages[`${key}/node_modules/${name}`]) missing.push(name);
      }
    }
    expect(missing).toEqual([]);
  });
});
