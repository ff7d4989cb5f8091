/**
 * vitest globalSetup: every temporary folder of a test run goes under one folder made here, and
 * that folder is removed when the run ends. TMPDIR is set before the test workers start, so
 * os.tmpdir() in the tests, in the CLI child processes they spawn and in the code under test
 * (the corpus cache's `<tmpdir>/gongwen-cache`) all point inside it. Tests may still remove their
 * own folders early; nothing is left in /tmp either way.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'gongwen-test-run-'));
  process.env.TMPDIR = root;
  return () => rmSync(root, { recursive: true, force: true });
}
