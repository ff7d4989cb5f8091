/**
 * A reader that stops early closes the pipe (`gongwen parse --json f | head -c 5`): the command
 * must stop quietly, as Unix tools do, not print an EPIPE stack trace and exit 1.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cliPath } from './helpers/cli.js';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
const seed = fixture('seed-004.txt');
const archive = fixture('archive/government_work_reports.jsonl');

/** Runs `node gongwen ARGS | head -c 5` in bash: head exits after 5 bytes and closes the pipe. */
function runIntoHead(args: string[]): Promise<{ code: number | null; stderr: string; head: string }> {
  return new Promise((resolve) => {
    const script = '"$0" "$@" | head -c 5; exit "${PIPESTATUS[0]}"';
    const child = spawn('bash', ['-c', script, process.execPath, cliPath, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let head = '';
    child.stdout.on('data', (chunk: Buffer) => (head += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code, stderr, head }));
  });
}

// Each writes far more than a pipe buffer (64 KB), so the write after the reader left fails with EPIPE.
const commands: Array<[string, string[]]> = [
  ['parse --json', ['parse', '--json', seed]],
  ['analyze --json', ['analyze', '--json', fixture('gwr-1955.txt')]],
  ['view', ['view', seed]],
  ['corpus kwic', ['corpus', 'kwic', archive, '--word', '发展', '--no-cache', '--format', 'csv']],
  ['lint (all fixtures) --format json', ['lint', fixture(''), '--format', 'json']],
];

describe('a closed stdout', () => {
  it.each(commands)('%s stops quietly', async (_name, args) => {
    const result = await runIntoHead(args);
    expect(Buffer.byteLength(result.head)).toBe(5);
    // No stack trace; a command's own summary line (`corpus kwic: N rows`) may stay.
    expect(result.stderr).not.toMatch(/EPIPE|Error|\n\s+at /);
    expect(result.code).toBe(0);
  });
});
