import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { VFileMessage } from 'vfile-message';
import { lintText } from '../../src/lint/index.js';
import type { RuleSetting } from '../../src/lint/types.js';

export const fixturePath = (name: string) => fileURLToPath(new URL(`../../fixtures/${name}.txt`, import.meta.url));
export const readFixture = (name: string) => readFileSync(fixturePath(name), 'utf8');

export interface Found {
  /** The text the message covers, as the reader sees it in the report. */
  text: string;
  line: number;
  column: number;
  reason: string;
  fix: string | undefined;
  fatal: boolean | null | undefined;
}

/** The messages of one rule alone on `text`. */
export async function lintRule(text: string, rule: string, setting: RuleSetting = 'warn'): Promise<Found[]> {
  const file = await lintText(text, { config: { extends: 'none', rules: { [rule]: setting } } });
  return file.messages.map((message) => found(text, message));
}

export function found(text: string, message: VFileMessage): Found {
  const place = message.place as { start: { line: number; column: number; offset: number }; end: { offset: number } };
  return {
    text: text.slice(place.start.offset, place.end.offset),
    line: place.start.line,
    column: place.start.column,
    reason: message.reason,
    fix: message.expected?.[0],
    fatal: message.fatal,
  };
}
