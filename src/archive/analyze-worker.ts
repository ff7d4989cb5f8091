/**
 * The worker-thread side of analyzeFiles: one long-lived thread per job, each
 * analyzing plain text into the flat JSON (no word level: see analyzeJson).
 */
import { analyzeJson } from '../analyze.js';
import type { AnalysisJson } from '../extract/types.js';

export interface AnalyzeTask {
  text: string;
}

export default function analyzeTask(task: AnalyzeTask): AnalysisJson {
  return analyzeJson(task.text);
}
