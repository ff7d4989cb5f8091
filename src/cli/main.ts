#!/usr/bin/env node
/**
 * The `gongwen` entry: `--version` is answered here, before anything else is
 * loaded (ES imports are all loaded before a module's first line runs, so the
 * dispatcher, the error type and the command registry stay out of this
 * file's imports); every other command goes on to dispatch.ts, which loads
 * only the command that runs.
 */
import { exitQuietlyOnClosedPipe } from './closed-pipe.js';
import { packageVersion } from '../package-version.js';

const argv = process.argv.slice(2);
if (argv[0] === '--version' || argv[0] === '-v') {
  exitQuietlyOnClosedPipe(process.stdout);
  process.stdout.write(`gongwen ${packageVersion()}\n`);
} else {
  (await import('./dispatch.js')).run(argv);
}
