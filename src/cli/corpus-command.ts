/**
 * `gongwen corpus <analysis> INPUT… [options]`: one analysis of
 * src/corpus/analyses over a corpus, written as CSV, JSON or an aligned
 * table, with its chart as SVG or a self-contained HTML page.
 *
 * The options every analysis shares are declared here; each analysis declares
 * its own (src/corpus/analyses/*.ts), and the command accepts their union,
 * refusing a flag the chosen analysis does not take. Exit 0, or 1 when a
 * document could not be read (it is named on stderr; the table is written
 * from the others), 2 on bad usage.
 */
import { refuseOutputOverInput } from './output-guard.js';
import { writeFileAtomically } from './replace-file.js';
import { extname } from 'node:path';
import { refuseMissingInputs } from './missing-inputs.js';
import { GongwenError } from '../diagnostics.js';
import { ANALYSES, type AnyCorpusAnalysis } from '../corpus/analyses/index.js';
import { openCorpus, type OpenCorpusOptions } from '../corpus/open.js';
import { chartHtml, renderSvg, tableToCsv, tableToJson, tableToTerminal, TABLE_FORMATS, type TableFormat } from '../corpus/output/index.js';
import { choiceFlag, stringFlag, type FlagValues } from '../corpus/flags.js';
import type { Table } from '../corpus/types.js';
import { ENCODING_OPTION, type Command, type OptionSpecs } from './command.js';
import { englishChart, englishTable } from '../english/labels.js';

const COMMON_OPTIONS = {
  ...ENCODING_OPTION,
  group: { type: 'string', short: 'g' },
  where: { type: 'string', short: 'w' },
  format: { type: 'string', short: 'f' },
  out: { type: 'string', short: 'o' },
  chart: { type: 'string' },
  html: { type: 'string' },
  jobs: { type: 'string', short: 'j' },
  'cache-dir': { type: 'string' },
  'no-cache': { type: 'boolean' },
  'text-field': { type: 'string' },
  lang: { type: 'string' },
  'raw-csv': { type: 'boolean' },
} as const satisfies OptionSpecs;

/** Flags the analyses do not see as their own: the command reads them. */
const COMMON_NAMES: ReadonlySet<string> = new Set([...Object.keys(COMMON_OPTIONS), 'help']);

/**
 * The union of every analysis's options. Two analyses (or an analysis and a
 * shared option) may declare the same flag if they read it alike: same type,
 * both repeatable or neither; the first declaration's short form is kept.
 */
export function corpusOptions(analyses: readonly AnyCorpusAnalysis[]): OptionSpecs {
  const options: OptionSpecs = { ...COMMON_OPTIONS };
  for (const analysis of analyses) {
    for (const [name, spec] of Object.entries(analysis.options)) {
      const existing = options[name];
      if (existing && (existing.type !== spec.type || Boolean(existing.multiple) !== Boolean(spec.multiple))) {
        throw new Error(`gongwen corpus: analysis ${analysis.name} declares --${name} unlike another analysis or a shared option (${JSON.stringify(existing)} vs ${JSON.stringify(spec)})`);
      }
      // No defaults in the union: a flag's value must mean the user gave it (each analysis's
      // fromFlags supplies its own defaults), or a default would count as another analysis's flag.
      const { default: _default, ...given } = spec;
      if (!existing) options[name] = given;
    }
  }
  return options;
}

function usage(analyses: readonly AnyCorpusAnalysis[]): string {
  const lines = analyses.map((analysis) => `  ${analysis.usage.replace(/\n/g, '\n  ')}`).join('\n');
  return `gongwen corpus ANALYSIS INPUT… [--group FIELD] [--where EXPR] [--format csv|json|table] [--out FILE]
               [--chart FILE.svg] [--html FILE.html] [--jobs N] [--cache-dir DIR | --no-cache] [--lang zh|en] [--raw-csv]
    --lang en: English columns next to Chinese keys (indicator_en, formula_en) and an English chart.
    INPUT: a gongwen extract folder, its documents.jsonl, or raw inputs (files, folders, globs,
    .jsonl archives: extracted, with a cache). --group: a metadata field (default year); --where:
    year>=2013, docType=政府工作报告, title!~决议 (clauses joined by ,). Output: an aligned table on a
    terminal, CSV otherwise (--out FILE: by its extension); a CSV cell starting =, +, -, @ gets a
    leading ' so spreadsheets do not run it (--raw-csv: as it is). Analyses:
${lines}`;
}

export function makeCorpusCommand(analyses: readonly AnyCorpusAnalysis[]): Command {
  return {
    name: 'corpus',
    usage: usage(analyses),
    options: corpusOptions(analyses),
    run: (positionals, values) => runCorpus(analyses, positionals, values),
  };
}

export const corpusCommand: Command = makeCorpusCommand(ANALYSES);

async function runCorpus(analyses: readonly AnyCorpusAnalysis[], positionals: string[], values: FlagValues): Promise<number> {
  const [name, ...inputs] = positionals;
  const names = analyses.map((analysis) => analysis.name).join(', ');
  if (name === undefined) throw new GongwenError('USAGE', `gongwen corpus needs an analysis: ${names}`);
  const analysis = analyses.find((candidate) => candidate.name === name);
  if (!analysis) throw new GongwenError('USAGE', `gongwen corpus: no analysis "${name}" (analyses: ${names})`);
  if (inputs.length === 0) throw new GongwenError('USAGE', `gongwen corpus ${name} needs at least one INPUT: a gongwen extract folder, a documents.jsonl, or files, folders, .jsonl archives`);
  for (const [flag, value] of Object.entries(values)) {
    if (value === undefined || COMMON_NAMES.has(flag) || Object.hasOwn(analysis.options, flag)) continue;
    throw new GongwenError('USAGE', `gongwen corpus ${name} takes no --${flag} (it belongs to another analysis; see gongwen corpus --help)`);
  }

  await refuseMissingInputs(inputs);
  const format = outputFormat(values);
  // Checked before any work: an output that is an input would replace it (exit 0, input gone).
  for (const flag of ['out', 'chart', 'html']) {
    const path = stringFlag(values, flag);
    if (path) refuseOutputOverInput(path, inputs, `--${flag}`);
  }
  const options = analysis.fromFlags(values, inputs);
  let failures = 0;
  const corpusOptions: OpenCorpusOptions = {
    onError: (error) => {
      failures++;
      process.stderr.write(`gongwen: ${error.id}: ${error.error.message}\n`);
    },
  };
  const where = stringFlag(values, 'where');
  if (where) corpusOptions.where = where;
  const jobs = stringFlag(values, 'jobs');
  if (jobs !== undefined) {
    const number = Number(jobs);
    if (!Number.isInteger(number) || number < 0) throw new GongwenError('USAGE', `--jobs takes a whole number ≥ 0 (0: no worker threads), not "${jobs}"`);
    corpusOptions.jobs = number;
  }
  if (values['no-cache'] === true) corpusOptions.cache = false;
  else if (stringFlag(values, 'cache-dir')) corpusOptions.cache = stringFlag(values, 'cache-dir')!;
  const textField = stringFlag(values, 'text-field');
  if (textField) corpusOptions.textField = textField;
  const encoding = stringFlag(values, 'encoding');
  if (encoding) corpusOptions.encoding = encoding;

  const lang = choiceFlag(values, 'lang', ['zh', 'en'] as const, 'zh');
  const corpus = openCorpus(inputs, corpusOptions);
  const computed: Table = await analysis.run(corpus, options);
  // --lang en: English columns next to the Chinese keys, English labels on the chart.
  const table: Table = lang === 'en' ? englishTable(computed) : computed;
  for (const note of table.notes ?? []) process.stderr.write(`gongwen corpus ${name}: ${note}\n`);

  const out = stringFlag(values, 'out');
  const text = format === 'json' ? tableToJson(table) : format === 'csv' ? tableToCsv(table, { bom: out !== undefined, raw: values['raw-csv'] === true }) : tableToTerminal(table);
  if (out) await writeFileAtomically(out, text);
  else process.stdout.write(text);

  const chartPath = stringFlag(values, 'chart');
  const htmlPath = stringFlag(values, 'html');
  if (chartPath || htmlPath) {
    if (!analysis.chart) throw new GongwenError('USAGE', `gongwen corpus ${name} draws no chart (--chart and --html are for ${analyses.filter((candidate) => candidate.chart).map((candidate) => candidate.name).join(', ')})`);
    const drawn = analysis.chart(computed, options);
    const spec = drawn !== null && lang === 'en' ? englishChart(drawn) : drawn;
    if (spec === null) {
      process.stderr.write(`gongwen corpus ${name}: nothing to draw (the table has no rows to chart); no chart written\n`);
    } else {
      const svg = await renderSvg(spec);
      if (chartPath) await writeFileAtomically(chartPath, svg);
      if (htmlPath) await writeFileAtomically(htmlPath, chartHtml(svg, chartTitle(spec, name), spec));
    }
  }
  process.stderr.write(`corpus ${name}: ${table.rows.length} rows${failures > 0 ? `, ${failures} documents could not be read` : ''}${out ? ` → ${out}` : ''}\n`);
  return failures > 0 ? 1 : 0;
}

/** --format, else the extension of --out, else a table on a terminal and CSV in a pipe. */
function outputFormat(values: FlagValues): TableFormat {
  const given = choiceFlag(values, 'format', TABLE_FORMATS);
  if (given) return given;
  const out = stringFlag(values, 'out');
  if (out) {
    const extension = extname(out).toLowerCase();
    if (extension === '.json') return 'json';
    if (extension === '.txt') return 'table';
    return 'csv';
  }
  return process.stdout.isTTY ? 'table' : 'csv';
}

function chartTitle(spec: Record<string, unknown>, name: string): string {
  const title = spec.title;
  if (typeof title === 'string') return title;
  if (title && typeof title === 'object' && typeof (title as { text?: unknown }).text === 'string') return (title as { text: string }).text;
  return `gongwen corpus ${name}`;
}
