/** The run's temporary folder (test/global-temp-dir.ts): what the tests make in tmpdir() is removed with it. */
import { tmpdir } from 'node:os';
import { basename, dirname } from 'node:path';
import { expect, it } from 'vitest';

it('tmpdir() in a test is the run’s own folder, not /tmp itself', () => {
  expect(basename(tmpdir())).toMatch(/^gongwen-test-run-/);
  expect(dirname(tmpdir())).not.toBe(tmpdir());
});
