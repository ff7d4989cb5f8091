/** Reads one CLI input (a path, or `-` for stdin) into report text, any format or encoding. */
import { readFile, stat } from 'node:fs/promises';
import { GongwenError, type Warning } from '../diagnostics.js';
import { extractText } from '../archive/formats.js';
import { formatSize, resolveMaxBytes, tooLarge } from '../archive/limits.js';

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
 * A file over `maxBytes` is refused from its size, before it is read; stdin
 * is read until it passes the limit and no further: memory never holds more
 * than the limit (plus one chunk) of input.
 */
export async function readInput(path: string, encoding?: string, limits: ReadInputLimits = {}): Promise<CliInput> {
  const name = path === '-' ? '<stdin>' : path;
  const maxBytes = resolveMaxBytes(limits.maxBytes);
  let bytes: Uint8Array;
  if (path === '-') {
    bytes = await readStdin(maxBytes);
  } else {
    try {
      const info = await stat(path);
      if (info.isDirectory()) throw new GongwenError('EISDIR', `${path} is a folder; give a file (or use \`gongwen extract\` for folders)`);
      if (info.size > maxBytes) throw tooLarge(`${path} is ${formatSize(info.size)}`, maxBytes);
      bytes = await readFile(path);
    } catch (error) {
      if (error instanceof GongwenError) throw error;
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') throw new GongwenError('ENOENT', `${path}: no such file`);
      throw new GongwenError('UNREADABLE', `${path}: cannot be read (${code ?? (error as Error).message})`, { cause: error });
    }
  }
  const extracted = await extractText(bytes, { name, maxBytes, ...(encoding ? { encoding } : {}) }).catch((error: unknown) => {
    throw named(error, name);
  });
  return { text: extracted.text, name, warnings: extracted.warnings };
}

/** A decoding or format error names the input once, as `file: reason`, like the read errors above. */
function named(error: unknown, name: string): unknown {
  if (!(error instanceof GongwenError) || error.message.startsWith(`${name}:`) || error.message.startsWith(`${name} `)) return error;
  return new GongwenError(error.code, `${name}: ${error.message}`, { cause: error });
}

async function readStdin(maxBytes: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of process.stdin) {
    total += (chunk as Buffer).length;
    if (total > maxBytes) {
      process.stdin.destroy();
      throw tooLarge(`<stdin> holds more than ${formatSize(maxBytes)}`, maxBytes);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
