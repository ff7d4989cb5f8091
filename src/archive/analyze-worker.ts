/**
 * The worker side of analyzeFiles: one long-lived thread per job (or the main
 * thread with `jobs` 0), each taking a document from its SourceTask to its
 * analysis: read, decode (docx and PDF parsing included), hash, ask whether to
 * skip it, analyze into the flat JSON (no word level: see analyzeJson). The
 * main thread only expands the inputs and writes the results.
 *
 * A failure is a result, not an exception: a thrown GongwenError would lose
 * its class and its `code` crossing the thread.
 */
import { analyzeJson } from '../analyze.js';
import type { AnalysisJson, WarningRecord } from '../extract/types.js';
import type { DocumentFormat } from './formats.js';
import { contentHash } from './hash.js';
import { loadTask, type SourceTask } from './inputs.js';
import { errorInfo, serializeAnalysis, type SerializedAnalysis } from './output.js';
import { ask, type QuestionedTask } from './questions.js';

export interface AnalyzeTask {
  source: SourceTask;
  /** contentHash of the text, when the main thread computed it already (a .jsonl record, to decide `skip`). */
  hash?: string;
  /** The size limit of one document (limits.ts); past it the result is a TOO_LARGE failure. */
  maxBytes?: number;
  /** The document's id, to return its analysis serialized for the outputs (`serialized`) rather than as objects (`analysis`). */
  serializeAs?: string;
  /** With `serializeAs`: CSV cells as they are, a leading `=` included (--raw-csv; see csv-formulas.ts). */
  rawCsv?: boolean;
}

/** Asked with the document's hash once it is known, when the main thread could not decide `skip` before: whether to skip it. */
export interface SkipQuestion {
  hash: string;
}

export type AnalyzeResult = { bytes: number } & (
  | {
      status: 'done';
      hash: string;
      format: DocumentFormat;
      encoding: string | null;
      /** Warnings of the loading (a docx's lost numbering, a PDF without text). */
      loadWarnings: WarningRecord[];
    } & (
      | { analysis: AnalysisJson }
      /** With `serializeAs`: the analysis, its warnings reading's first then the analysis's, as the outputs write it. */
      | { serialized: SerializedAnalysis }
    )
  | { status: 'skipped'; hash: string; format: DocumentFormat; encoding: string | null }
  | { status: 'failed'; error: { code: string; message: string } }
);

/** With `questions`, asks a SkipQuestion once the hash is known. */
export default async function analyzeDocument({ task, questions }: QuestionedTask<AnalyzeTask>): Promise<AnalyzeResult> {
  let bytes = 0;
  try {
    const document = await loadTask(task.source, task.maxBytes === undefined ? {} : { maxBytes: task.maxBytes });
    bytes = Buffer.byteLength(document.text);
    const hash = task.hash ?? contentHash(document.text);
    if (questions !== undefined && (await ask(questions, { hash } satisfies SkipQuestion)) === true) {
      return { status: 'skipped', hash, bytes, format: document.format, encoding: document.encoding };
    }
    const loadWarnings = document.warnings.map(({ rule, message, offset }) => ({ rule, message, offset }));
    const analysis = analyzeJson(document.text);
    const done = { status: 'done' as const, bytes, hash, format: document.format, encoding: document.encoding, loadWarnings };
    if (task.serializeAs === undefined) return { ...done, analysis };
    return { ...done, serialized: serializeAnalysis(task.serializeAs, { ...analysis, warnings: [...loadWarnings, ...analysis.warnings] }, task.rawCsv === true) };
  } catch (error) {
    return { status: 'failed', bytes, error: errorInfo(error) };
  }
}
