/** `gongwen align ZH EN`: a Chinese report and its English translation side by side, formula by formula. */
import { GongwenError } from '../diagnostics.js';
import { align, type Alignment } from '../english/align.js';
import { readInput } from './read-input.js';
import { ENCODING_OPTION, JSON_OPTION, type Command } from './command.js';
import { MAX_SIZE_OPTION, maxBytesOption } from './max-size-option.js';

interface AlignCommandOptions {
  json?: boolean;
  encoding?: string;
  'max-size'?: string;
}

export const alignCommand: Command = {
  name: 'align',
  usage: `gongwen align ZH-FILE EN-FILE [--json] [--encoding LABEL] [--max-size SIZE]
    Pairs the sections of a Chinese report and its English translation by heading order and
    checks each formula of a Chinese section against its official rendering in the paired
    English section; lists what is missing on either side. Exit code 1 when something is.`,
  options: { ...JSON_OPTION, ...ENCODING_OPTION, ...MAX_SIZE_OPTION },
  run: (files, values) => runAlign(files, values as AlignCommandOptions),
};

async function runAlign(files: string[], options: AlignCommandOptions): Promise<number> {
  if (files.length !== 2) throw new GongwenError('USAGE', 'gongwen align takes two files: the Chinese report, then its English translation');
  const maxBytes = maxBytesOption(options['max-size']);
  const chinese = await readInput(files[0]!, options.encoding, maxBytes);
  const english = await readInput(files[1]!, options.encoding, maxBytes);
  const alignment = align(chinese.text, english.text);
  process.stdout.write(options.json ? JSON.stringify(alignment) + '\n' : summary(alignment));
  return alignment.missingInEnglish.length + alignment.missingInChinese.length > 0 ? 1 : 0;
}

function summary(alignment: Alignment): string {
  const lines: string[] = [];
  for (const section of alignment.sections) {
    if (section.formulas.length === 0 && section.path.length > 0 && section.zh && section.en) continue;
    const zh = section.zh ? `${section.zh.marker} ${section.zh.text}` : section.path.length === 0 ? '(preamble)' : '(no section)';
    const en = section.en ? `${section.en.marker} ${section.en.text}` : section.path.length === 0 ? '(preamble)' : '(no section)';
    if (section.formulas.length === 0 && section.path.length === 0) continue;
    lines.push(`${zh}  ↔  ${en}`);
    for (const formula of section.formulas) {
      lines.push(`  ${formula.status.padEnd(18)} ${formula.canonical}  ${formula.english ?? '(no official rendering)'}  zh ${formula.zh} · en ${formula.en}`);
    }
  }
  lines.push('', `missing in English: ${alignment.missingInEnglish.length}, missing in Chinese: ${alignment.missingInChinese.length}`);
  return lines.join('\n') + '\n';
}
