/** `gongwen glossary`: the bilingual formula glossary for translators, as TBX-Basic, CSV or JSON. */
import { extname } from 'node:path';
import { GongwenError } from '../diagnostics.js';
import { loadGlossary } from '../english/glossary.js';
import { exportGlossary, GLOSSARY_FORMATS, type GlossaryFormat } from '../english/glossary-export.js';
import type { Command } from './command.js';
import { writeFileWhole } from './write-whole.js';

interface GlossaryCommandOptions {
  format?: string;
  out?: string;
}

export const glossaryCommand: Command = {
  name: 'glossary',
  usage: `gongwen glossary [--format tbx|csv|json] [--out FILE]
    The numbered formulas with their official English renderings and sources (or the places
    looked in when none was found): TBX-Basic (ISO 30042) for CAT tools, CSV or JSON.
    Format: --format, else the extension of --out, else TBX.`,
  options: { format: { type: 'string', short: 'f' }, out: { type: 'string', short: 'o' } },
  run: (positionals, values) => runGlossary(positionals, values as GlossaryCommandOptions),
};

async function runGlossary(positionals: string[], options: GlossaryCommandOptions): Promise<number> {
  if (positionals.length > 0) throw new GongwenError('USAGE', 'gongwen glossary takes no FILE (the glossary is the dictionary of gongwen; --out FILE writes it)');
  const format = glossaryFormat(options);
  const glossary = loadGlossary();
  const text = exportGlossary(glossary, format);
  if (options.out) {
    await writeFileWhole(options.out, text);
    const rendered = glossary.entries.filter((entry) => entry.renderings.length > 0).length;
    process.stderr.write(`glossary: ${glossary.entries.length} formulas, ${rendered} with an English rendering → ${options.out}\n`);
  } else {
    process.stdout.write(text);
  }
  return 0;
}

function glossaryFormat(options: GlossaryCommandOptions): GlossaryFormat {
  const given = options.format ?? (options.out ? extname(options.out).slice(1).toLowerCase() : 'tbx');
  if ((GLOSSARY_FORMATS as readonly string[]).includes(given)) return given as GlossaryFormat;
  if (options.format === undefined) return 'tbx';
  throw new GongwenError('USAGE', `--format takes ${GLOSSARY_FORMATS.join(', ')}, not "${given}"`);
}
