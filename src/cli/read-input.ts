/** Reads one CLI input (a path, or `-` for stdin) into report text, any format or encoding. */
import { GongwenError, type Warning } from '../diagnostics.js';
import { extractText } from '../archive/formats.js';
import { resolveMaxBytes } from '../archive/limits.js';
import { readRegularFile, readStreamBounded } from '../archive/read-bounded.js';

export interface CliInput {
  text: string;
  name: string;
  warnings: Warning[];
}

export interface ReadInputLimits {
  /** The size limit of one document (src/archive/limits.ts); default 64 MiB. */
  maxBytes?: number;
}

/**
 * A file over `maxBytes` is refused from its size, before it is read, and
 * every read (a file, stdin) stops as soon as it passes the limit: memory
 * never holds more than the limit (plus one chunk) of input. Only regular
 * files are read (not a device, FIFO or socket).
 */
export async function readInput(path: string, encoding?: string, limits: ReadInputLimits = {}): Promise<CliInput> {
  const name = path === '-' ? '<stdin>' : path;
  const maxBytes = resolveMaxBytes(limits.maxBytes);
  // Counted while read, and only a regular file: stat says 0 for /dev/zero, and a FIFO never ends.
  const bytes = path === '-' ? await readStreamBounded(process.stdin, maxBytes, '<stdin>') : await readFileOf(path, maxBytes);
  const extracted = await extractText(bytes, { name, maxBytes, ...(encoding ? { encoding } : {}) }).catch((error: unknown) => {
    throw named(error, name);
  });
  return { text: extracted.text, name, warnings: extracted.warnings };
}

async function readFileOf(path: string, maxBytes: number): Promise<Buffer> {
  try {
    return await readRegularFile(path, maxBytes);
  } catch (error) {
    if (error instanceof GongwenError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new GongwenError('ENOENT', `${path}: no such file`);
    if (code === 'EISDIR') throw new GongwenError('EISDIR', `${path} is a folder; give a file (or use \`gongwen extract\` for folders)`);
    throw new GongwenError('UNREADABLE', `${path}: cannot be read (${code ?? (error as Error).message})`, { cause: error });
  }
}

/** A decoding or format error names the input once, as `file: reason`, like the read errors above. */
function named(error: unknown, name: string): unknown {
  if (!(error instanceof GongwenError) || error.message.startsWith(`${name}:`) || error.message.startsWith(`${name} `)) return error;
  return new GongwenError(error.code, `${name}: ${error.message}`, { cause: error });
}
