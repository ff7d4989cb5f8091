#!/usr/bin/env node
/**
 * The `gongwen` command.
 *   gongwen parse FILE|-    [--json] [--segmenter NAME] [--encoding LABEL]
 *   gongwen analyze FILE|-  [--json] [--encoding LABEL]
 *   gongwen extract INPUT… --out DIR [--jobs N] [--resume] [--text-field NAME] …
 * Exit codes: 0 ok, 1 a document failed (extract), 2 bad usage or unreadable input.
 */
import { parseArgs } from 'node:util';
import { GongwenError } from '../diagnostics.js';
import { runParse } from './parse-command.js';
import { runAnalyze } from './analyze-command.js';
import { runExtract } from './extract-command.js';

const USAGE = `Usage:
  gongwen parse FILE|-   [--json] [--segmenter nodejieba|node-rs-jieba|runs] [--encoding LABEL]
      Print the outline of a report (one heading per line); --json prints the whole tree.
  gongwen analyze FILE|- [--json] [--encoding LABEL]
      Slogans, placeholders and metrics: a readable summary, or the flat JSON with --json.
  gongwen extract INPUT… --out DIR [--jobs N] [--resume] [--text-field NAME] [--encoding LABEL]
                                  [--stdin-jsonl]
      Analyze files, folders, globs, @lists, .jsonl archives or stdin (-) into DIR/documents.jsonl,
      errors.jsonl and headings/slogans/placeholders/metrics.csv. Exit 1 if any document failed.
`;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      segmenter: { type: 'string' },
      encoding: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
      out: { type: 'string', short: 'o' },
      jobs: { type: 'string', short: 'j' },
      resume: { type: 'boolean', default: false },
      'text-field': { type: 'string' },
      'stdin-jsonl': { type: 'boolean', default: false },
    },
  });
  if (values.help || command === undefined || command === 'help' || command === '--help' || command === '-h') {
    process.stdout.write(USAGE);
    return command === undefined ? 2 : 0;
  }
  switch (command) {
    case 'parse':
      return runParse(positionals, values);
    case 'analyze':
      return runAnalyze(positionals, values);
    case 'extract':
      return runExtract(positionals, values);
    default:
      throw new GongwenError('USAGE', `unknown command "${command}"\n${USAGE}`);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const message = error instanceof GongwenError || error instanceof TypeError ? error.message : String((error as Error)?.stack ?? error);
    process.stderr.write(`gongwen: ${message}\n`);
    process.exitCode = 2;
  },
);
