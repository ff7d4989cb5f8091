/**
 * The worker-thread side of analyzeFiles: one long-lived thread per job, each
 * with its own segmenter loaded once. Receives plain text, returns the JSON.
 */
import { analyze, toJson } from '../analyze.js';
import type { AnalysisJson } from '../extract/types.js';
import type { SegmenterName } from '../segment/segmenter.js';

export interface AnalyzeTask {
  text: string;
  segmenter?: SegmenterName | undefined;
}

export default function analyzeTask(task: AnalyzeTask): AnalysisJson {
  return toJson(analyze(task.text, task.segmenter ? { segmenter: task.segmenter } : {}));
}
