/** `gongwen analyze FILE|-`: slogans, placeholders and metrics, as JSON or a readable summary. */
import { GongwenError } from '../diagnostics.js';
import { analyzeJson } from '../analyze.js';
import type { AnalysisJson } from '../extract/types.js';
import { readInput } from './read-input.js';
import { ENCODING_OPTION, JSON_OPTION, type Command } from './command.js';
import { MAX_SIZE_OPTION, maxBytesOption } from './max-size-option.js';
import { languageOption } from './language-option.js';

interface AnalyzeCommandOptions {
  json?: boolean;
  encoding?: string;
  'max-size'?: string;
  lang?: string;
  /** Declared only to be refused with a reason rather than as an unknown option. */
  segmenter?: string;
}

export const analyzeCommand: Command = {
  name: 'analyze',
  usage: `gongwen analyze FILE|- [--json] [--encoding LABEL] [--max-size SIZE] [--lang zh|en|auto]
    Slogans, placeholders and metrics: a readable summary, or the flat JSON with --json.
    --lang: the report's language (default auto: an official English translation is detected).`,
  options: { ...JSON_OPTION, ...ENCODING_OPTION, ...MAX_SIZE_OPTION, segmenter: { type: 'string' }, lang: { type: 'string' } },
  run: (files, values) => runAnalyze(files, values as AnalyzeCommandOptions),
};

async function runAnalyze(files: string[], options: AnalyzeCommandOptions): Promise<number> {
  if (files.length !== 1) throw new GongwenError('USAGE', 'gongwen analyze takes one FILE (or - for stdin)');
  if (options.segmenter) throw new GongwenError('USAGE', 'gongwen analyze takes no --segmenter: its JSON does not depend on words (use gongwen parse --json for a tree with words)');
  const input = await readInput(files[0]!, options.encoding, maxBytesOption(options['max-size']));
  // The JSON needs no word level: no segmenter is loaded (0.3 s instead of 1.5 s for a small file).
  const json = analyzeJson(input.text, { language: languageOption(options.lang) });
  json.warnings = [...input.warnings.map(({ rule, message, offset }) => ({ rule, message, offset })), ...json.warnings];
  process.stdout.write(options.json ? JSON.stringify(json) + '\n' : summary(input.name, json));
  return 0;
}

function summary(name: string, json: AnalysisJson): string {
  const lines: string[] = [];
  lines.push(`${name}: ${json.title ?? '(no title)'}  year ${json.year ?? '?'}  ${json.docType ?? ''}`.trimEnd());
  lines.push(`headings ${json.headings.length}, enumeration items ${json.enumerations.length}`);

  const bySlogan = new Map<string, { count: number; known: boolean }>();
  for (const slogan of json.slogans) {
    const entry = bySlogan.get(slogan.canonical) ?? { count: 0, known: slogan.known };
    entry.count++;
    bySlogan.set(slogan.canonical, entry);
  }
  lines.push('', `slogans (${json.slogans.length}):`);
  for (const [canonical, { count, known }] of bySlogan) lines.push(`  ${canonical}${known ? '' : ' (not in dictionary)'} ×${count}`);

  const counts = json.placeholderCounts;
  lines.push('', `placeholders: ${counts.total} (number ${counts.number}, year ${counts.year}, name ${counts.name})`);

  lines.push('', `metrics (${json.metrics.length}):`);
  for (const metric of json.metrics) {
    const value = metric.placeholder ? '(blank)' : metric.valueHigh !== null ? `${metric.value}–${metric.valueHigh}` : String(metric.value);
    const what = [metric.predicate, metric.subject].filter(Boolean).join(' ');
    const how = [metric.comparison, metric.qualifier].filter(Boolean).join(', ');
    lines.push(`  ${metric.raw}  = ${value} ${metric.unit}${how ? ` [${how}]` : ''}${what ? `  ${what}` : ''}${metric.stance === 'target' ? '  (target)' : ''}`);
  }
  if (json.warnings.length > 0) {
    lines.push('', `warnings (${json.warnings.length}):`);
    for (const warning of json.warnings) lines.push(`  @${warning.offset} ${warning.rule}: ${warning.message}`);
  }
  return lines.join('\n') + '\n';
}
