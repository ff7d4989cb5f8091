/**
 * The `gongwen` command past its entry (main.ts): dispatches to the subcommands of `commands.ts`.
 * Exit codes: 0 ok, 1 a document failed (extract, corpus) or a lint error, 2 bad usage or unreadable input.
 */
import { parseArgs } from 'node:util';
import { GongwenError } from '../diagnostics.js';
import { COMMANDS, loadAllCommands } from './commands.js';
import { packageVersion } from '../package-version.js';
import { exitQuietlyOnClosedPipe } from './closed-pipe.js';
import type { Command } from './command.js';

/** Every command's usage: loads them all, so only `--help`, a bare `gongwen` and an unknown command pay for it. */
async function usage(): Promise<string> {
  const commands = await loadAllCommands();
  return `Usage:\n${commands.map((command) => indent(command.usage)).join('\n')}\n  gongwen --version\n`;
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
}


export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--version' || name === '-v') {
    process.stdout.write(`gongwen ${packageVersion()}\n`);
    return 0;
  }
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    process.stdout.write(await usage());
    return name === undefined ? 2 : 0;
  }
  const entry = COMMANDS.find((candidate) => candidate.name === name);
  if (!entry) throw new GongwenError('USAGE', `unknown command "${name}"\n${await usage()}`);
  const command = await entry.load();
  const { values, positionals } = parseCommandArgs(command, rest);
  if (values.help) {
    process.stdout.write(`Usage:\n${indent(command.usage)}\n`);
    return 0;
  }
  return command.run(positionals, values);
}

/** parseArgs with the command's options; its errors become our usage errors, not Node's raw text. */
function parseCommandArgs(command: Command, args: string[]) {
  try {
    return parseArgs({ args, allowPositionals: true, strict: true, options: { ...command.options, help: { type: 'boolean', short: 'h', default: false } } });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
      // Node's message reads `Unknown option '--x'. To specify a positional argument starting with a '-', …`: keep its first sentence.
      const reason = (error as Error).message.split('. ')[0]!.replace(/\.$/, '');
      throw new GongwenError('USAGE', `${reason} for gongwen ${command.name}\nUsage:\n${indent(command.usage)}`);
    }
    throw error;
  }
}

/** Runs `gongwen …argv` and sets the exit code. */
export function run(argv: string[]): void {
  exitQuietlyOnClosedPipe(process.stdout);
  exitQuietlyOnClosedPipe(process.stderr);
  main(argv).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      const message = error instanceof GongwenError ? error.message : String((error as Error)?.stack ?? error);
      process.stderr.write(`gongwen: ${message}\n`);
      process.exitCode = 2;
    },
  );
}
