/**
 * The seam every `gongwen` subcommand plugs into: a command declares its own
 * options and usage, and `main.ts` parses, dispatches and reports errors for
 * all of them. A new command is a new file plus one line in `commands.ts`.
 */
import type { ParseArgsConfig } from 'node:util';

export type OptionSpecs = NonNullable<ParseArgsConfig['options']>;

export interface Command {
  /** The word after `gongwen`: `parse`, `lint`, `corpus`… */
  name: string;
  /** The usage lines shown by `gongwen --help` and on a usage error (first line: the synopsis). */
  usage: string;
  /** Options of this command, in node:util parseArgs form (`--help` is added for every command). */
  options: OptionSpecs;
  /** Runs with the positionals and parsed option values; resolves to the exit code. */
  run(positionals: string[], values: Record<string, string | boolean | string[] | boolean[] | undefined>): Promise<number>;
}

/** Options several commands share, so they are spelt and described once. */
export const ENCODING_OPTION = { encoding: { type: 'string' } } as const satisfies OptionSpecs;
export const JSON_OPTION = { json: { type: 'boolean', default: false } } as const satisfies OptionSpecs;
