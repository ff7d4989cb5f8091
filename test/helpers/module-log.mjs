// Loaded with `node --import`: appends the URL of every file module the process loads (dist/ and
// node_modules/) to the file named by GONGWEN_MODULE_LOG, one per line (the load hook runs on
// Node's hooks thread, so it writes the file itself rather than messaging the main thread).
import { register } from 'node:module';

register(
  `data:text/javascript,${encodeURIComponent(`
import { appendFileSync } from 'node:fs';
export async function load(url, context, next) {
  if (url.startsWith('file:')) appendFileSync(process.env.GONGWEN_MODULE_LOG, url + '\\n');
  return next(url, context);
}`)}`,
);
