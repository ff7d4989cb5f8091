/** Every `gongwen` subcommand, in the order `gongwen --help` lists them. */
import type { Command } from './command.js';
import { parseCommand } from './parse-command.js';
import { analyzeCommand } from './analyze-command.js';
import { extractCommand } from './extract-command.js';
import { lintCommand } from './lint-command.js';
import { viewCommand } from './view-command.js';
import { corpusCommand } from './corpus-command.js';
import { glossaryCommand } from './glossary-command.js';
import { alignCommand } from './align-command.js';

export const COMMANDS: readonly Command[] = [parseCommand, analyzeCommand, extractCommand, lintCommand, viewCommand, corpusCommand, glossaryCommand, alignCommand];
