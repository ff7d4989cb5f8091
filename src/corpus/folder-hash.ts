/** A folder's files (names and bytes, sorted, recursively; source maps left out) into a hash: what a cache fingerprint is made of. */
import type { Hash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export function hashFolder(hash: Hash, folder: string): void {
  for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) hashFolder(hash, path);
    else if (!entry.name.endsWith('.map')) hash.update(entry.name).update(readFileSync(path));
  }
}
