/**
 * `gongwen lint --format json`: one object per file, in the shape of ESLint's
 * JSON formatter (filePath, messages with severity and range, counts), plus
 * exact offsets and the certain fix.
 */
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';

export interface LintJsonMessage {
  ruleId: string | null;
  source: string | null;
  severity: 'error' | 'warning';
  message: string;
  line: number | null;
  column: number | null;
  endLine: number | null;
  endColumn: number | null;
  /** [start, end) UTF-16 offsets into the linted text. */
  offset: number | null;
  endOffset: number | null;
  /** The certain fix: replace text[offset, endOffset) with `text`. */
  fix?: { range: [number, number]; text: string };
}

export interface LintJsonFile {
  filePath: string;
  messages: LintJsonMessage[];
  errorCount: number;
  warningCount: number;
  fixableCount: number;
}

export function messageJson(message: VFileMessage): LintJsonMessage {
  const place = message.place && 'start' in message.place ? message.place : null;
  const point = place ? place.start : message.place && 'line' in message.place ? message.place : null;
  const json: LintJsonMessage = {
    ruleId: message.ruleId ?? null,
    source: message.source ?? null,
    severity: message.fatal ? 'error' : 'warning',
    message: message.reason,
    line: point?.line ?? null,
    column: point?.column ?? null,
    endLine: place?.end.line ?? null,
    endColumn: place?.end.column ?? null,
    offset: point?.offset ?? null,
    endOffset: place?.end.offset ?? null,
  };
  if (message.expected?.[0] !== undefined && json.offset !== null && json.endOffset !== null) {
    json.fix = { range: [json.offset, json.endOffset], text: message.expected[0] };
  }
  return json;
}

export function lintJson(files: readonly VFile[]): LintJsonFile[] {
  return files.map((file) => {
    const messages = file.messages.map(messageJson);
    return {
      filePath: file.path ?? '<stdin>',
      messages,
      errorCount: messages.filter((message) => message.severity === 'error').length,
      warningCount: messages.filter((message) => message.severity === 'warning').length,
      fixableCount: messages.filter((message) => message.fix).length,
    };
  });
}
