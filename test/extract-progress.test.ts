/**
 * extract's progress on a terminal: a percentage only when the total is known up front. A folder's
 * total used to be "the bytes found so far", so the bar sat at 100% and "ETA 0s" from the 20th of
 * 1,600 documents on.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { knownTotalBytes } from '../src/cli/extract-command.js';

const dir = mkdtempSync(join(tmpdir(), 'gongwen-progress-'));
mkdirSync(join(dir, 'reports'));
writeFileSync(join(dir, 'reports', 'a.txt'), '一、总体情况\n'.repeat(10));
writeFileSync(join(dir, 'b.txt'), '二、存在问题\n');
writeFileSync(join(dir, 'list.txt'), 'b.txt\n');

describe('the total extract shows progress against', () => {
  it('is the summed size when every input is a named file', async () => {
    expect(await knownTotalBytes([join(dir, 'b.txt'), join(dir, 'reports', 'a.txt')])).toBe(Buffer.byteLength('二、存在问题\n') + Buffer.byteLength('一、总体情况\n') * 10);
  });

  it('is unknown (no percentage) for a folder, a glob, an @list or stdin', async () => {
    expect(await knownTotalBytes([join(dir, 'b.txt'), join(dir, 'reports')])).toBeNull();
    expect(await knownTotalBytes([join(dir, '*.txt')])).toBeNull();
    expect(await knownTotalBytes([`@${join(dir, 'list.txt')}`])).toBeNull();
    expect(await knownTotalBytes(['-'])).toBeNull();
  });
});
