/** Reads one CLI input (a path, or `-` for stdin) into report text, any format or encoding. */
import { readFile, stat } from 'node:fs/promises';
import { GongwenError, type Warning } from '../diagnostics.js';
import { extractText } from '../archive/formats.js';

export interface CliInput {
  text: string;
  name: string;
  warnings: Warning[];
}

export async function readInput(path: string, encoding?: string): Promise<CliInput> {
  const name = path === '-' ? '<stdin>' : path;
  let bytes: Uint8Array;
  if (path === '-') {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    bytes = Buffer.concat(chunks);
  } else {
    try {
      if ((await stat(path)).isDirectory()) throw new GongwenError('EISDIR', `${path} is a folder; give a file (or use \`gongwen extract\` for folders)`);
      bytes = await readFile(path);
    } catch (error) {
      if (error instanceof GongwenError) throw error;
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') throw new GongwenError('ENOENT', `${path}: no such file`);
      throw new GongwenError('UNREADABLE', `${path}: cannot be read (${code ?? (error as Error).message})`, { cause: error });
    }
  }
  const extracted = await extractText(bytes, { name, ...(encoding ? { encoding } : {}) }).catch((error: unknown) => {
    throw named(error, name);
  });
  return { text: extracted.text, name, warnings: extracted.warnings };
}

/** A decoding or format error names the input once, as `file: reason`, like the read errors above. */
function named(error: unknown, name: string): unknown {
  if (!(error instanceof GongwenError) || error.message.includes(name)) return error;
  return new GongwenError(error.code, `${name}: ${error.message}`, { cause: error });
}
