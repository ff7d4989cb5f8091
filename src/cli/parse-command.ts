/** `gongwen parse FILE|-`: the outline, or the whole tree as JSON. */
import { GongwenError } from '../diagnostics.js';
import { parse } from '../parse.js';
import { outline } from '../tree/outline.js';
import type { SegmenterName } from '../segment/segmenter.js';
import { readInput } from './read-input.js';
import { ENCODING_OPTION, JSON_OPTION, type Command } from './command.js';
import { MAX_SIZE_OPTION, maxBytesOption } from './max-size-option.js';
import { languageOption } from './language-option.js';

interface ParseCommandOptions {
  json?: boolean;
  segmenter?: string;
  encoding?: string;
  'max-size'?: string;
  lang?: string;
}

export const parseCommand: Command = {
  name: 'parse',
  usage: `gongwen parse FILE|-   [--json] [--segmenter nodejieba|node-rs-jieba|runs] [--encoding LABEL] [--max-size SIZE] [--lang zh|en|auto]
    Print the outline of a report (one heading per line); --json prints the whole tree.`,
  options: { ...JSON_OPTION, ...ENCODING_OPTION, ...MAX_SIZE_OPTION, segmenter: { type: 'string' }, lang: { type: 'string' } },
  run: (files, values) => runParse(files, values as ParseCommandOptions),
};

async function runParse(files: string[], options: ParseCommandOptions): Promise<number> {
  if (files.length !== 1) throw new GongwenError('USAGE', 'gongwen parse takes one FILE (or - for stdin)');
  const input = await readInput(files[0]!, options.encoding, maxBytesOption(options['max-size']));
  // Words do not show in an outline: skip loading a dictionary unless the tree is printed.
  const segmenter = (options.segmenter ?? (options.json ? undefined : 'runs')) as SegmenterName | undefined;
  const report = parse(input.text, { ...(segmenter ? { segmenter } : {}), language: languageOption(options.lang) });
  const warnings = [...input.warnings, ...report.warnings];
  if (options.json) {
    process.stdout.write(JSON.stringify({ title: report.title, salutation: report.salutation, warnings, tree: report.tree }) + '\n');
  } else {
    process.stdout.write(outline(report));
    for (const warning of warnings) {
      const where = warning.position ? `${warning.position.start.line}:${warning.position.start.column}` : `@${warning.offset}`;
      process.stderr.write(`${input.name}:${where}  warning  ${warning.message}  ${warning.rule}\n`);
    }
  }
  return 0;
}
