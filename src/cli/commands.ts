/**
 * Every `gongwen` subcommand, in the order `gongwen --help` lists them.
 *
 * Each is loaded only when it runs: a command's module pulls in its whole
 * layer (the tree builder, the linter, vega for corpus charts…), and loading
 * all of them cost `gongwen --version` half a second. `gongwen --help` loads
 * them all, since every usage is shown.
 */
import type { Command } from './command.js';

/** A command by name, and how to load it. */
export interface CommandEntry {
  /** The word after `gongwen`: `parse`, `lint`, `corpus`… (the loaded Command's `name`). */
  name: string;
  load(): Promise<Command>;
}

export const COMMANDS: readonly CommandEntry[] = [
  { name: 'parse', load: async () => (await import('./parse-command.js')).parseCommand },
  { name: 'analyze', load: async () => (await import('./analyze-command.js')).analyzeCommand },
  { name: 'extract', load: async () => (await import('./extract-command.js')).extractCommand },
  { name: 'lint', load: async () => (await import('./lint-command.js')).lintCommand },
  { name: 'view', load: async () => (await import('./view-command.js')).viewCommand },
  { name: 'corpus', load: async () => (await import('./corpus-command.js')).corpusCommand },
  { name: 'glossary', load: async () => (await import('./glossary-command.js')).glossaryCommand },
  { name: 'align', load: async () => (await import('./align-command.js')).alignCommand },
];

/** Every command, loaded (for `gongwen --help`). */
export function loadAllCommands(): Promise<Command[]> {
  return Promise.all(COMMANDS.map((entry) => entry.load()));
}
