/** `gongwen view FILE|- [-o report.html]`: the report as one self-contained, highlighted HTML page. */
import { GongwenError } from '../diagnostics.js';
import { analyze } from '../analyze.js';
import { readInput } from './read-input.js';
import { refuseOutputOverInput } from './output-guard.js';
import { writeFileAtomically } from './replace-file.js';
import { MAX_SIZE_OPTION, maxBytesOption } from './max-size-option.js';
import { ENCODING_OPTION, type Command } from './command.js';

interface ViewCommandOptions {
  output?: string;
  encoding?: string;
  'max-size'?: string;
}

export const viewCommand: Command = {
  name: 'view',
  usage: `gongwen view FILE|-    [-o report.html] [--encoding LABEL] [--max-size SIZE]
    Write the report as one HTML page (outline, highlights, messages) to -o, or to stdout.`,
  options: { ...ENCODING_OPTION, ...MAX_SIZE_OPTION, output: { type: 'string', short: 'o' } },
  run: (files, values) => runView(files, values as ViewCommandOptions),
};

async function runView(files: string[], options: ViewCommandOptions): Promise<number> {
  if (files.length !== 1) throw new GongwenError('USAGE', 'gongwen view takes one FILE (or - for stdin)');
  if (options.output !== undefined) refuseOutputOverInput(options.output, files, '-o');
  const input = await readInput(files[0]!, options.encoding, maxBytesOption(options['max-size']));
  // Loaded here, not at start-up: the other commands need no HTML libraries (~40 ms).
  const { renderPage, warningsToMessages } = await import('../view/index.js');
  // Words are not shown, and no highlight depends on them: the 'runs' segmenter spares loading a dictionary.
  const analysis = analyze(input.text, { segmenter: 'runs' });
  // The messages shown: the lint rules of the file's config (or the recommended preset) over this
  // same analysis, plus what reading the file said (docx-numbering-lost…), which the linter does not see.
  const { lintAnalysis, loadConfig, resolveRules } = await import('../lint/index.js');
  // As gongwen lint does: stdin takes the config of the current folder.
  const config = loadConfig(files[0] === '-' ? process.cwd() : files[0]!);
  const linted = await lintAnalysis({ text: input.text, analysis }, resolveRules(config), input.name);
  const messages = [...warningsToMessages(input.warnings), ...linted.messages];
  const html = renderPage(analysis, { messages, fileName: input.name });
  if (options.output === undefined || options.output === '-') {
    process.stdout.write(html);
    return 0;
  }
  // Whole or not at all: a full disk or a kill leaves the previous page, never half of one.
  await writeFileAtomically(options.output, html);
  process.stderr.write(`view: ${input.name} → ${options.output} (${(Buffer.byteLength(html) / 1024).toFixed(0)} KB)\n`);
  return 0;
}
