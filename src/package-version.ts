/** The version in gongwen's package.json (the same file from src/ and from dist/: both sit one level below it). */
import { readFileSync } from 'node:fs';

let memo: string | undefined;

export function packageVersion(): string {
  memo ??= (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  return memo;
}
