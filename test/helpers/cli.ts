/** The `gongwen` command as users run it: the built dist/ (npm test builds first), in a child process. */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const cliPath = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  /** Written to stdin, which is then closed (closed at once without it). */
  input?: string;
  cwd?: string;
  /** Added to the environment. */
  env?: Record<string, string>;
}

export async function runCli(args: string[], options: CliOptions = {}): Promise<CliResult> {
  const child = execFile(process.execPath, [cliPath, ...args], {
    maxBuffer: 64 * 1024 * 1024,
    ...(options.cwd ? { cwd: options.cwd } : {}),
    ...(options.env ? { env: { ...process.env, ...options.env } } : {}),
  });
  child.stdin!.end(options.input ?? '');
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: string) => (stdout += chunk));
  child.stderr!.on('data', (chunk: string) => (stderr += chunk));
  const code = await new Promise<number>((resolve) => child.on('close', (exitCode) => resolve(exitCode ?? -1)));
  return { code, stdout, stderr };
}
