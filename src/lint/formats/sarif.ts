/**
 * `gongwen lint --format sarif`: SARIF 2.1.0 (OASIS), the format GitHub code
 * scanning reads, so the messages show on the lines of a pull request.
 * Columns are UTF-16 code units (`columnKind`), as in the messages.
 */
import { relative, sep } from 'node:path';
import type { VFile } from 'vfile';
import { RULE_IDS } from '../rules/index.js';
import { RULE_DESCRIPTIONS } from '../rules/descriptions.js';
import { recommended } from '../presets.js';
import { LINT_SOURCE } from '../define-rule.js';

export interface SarifOptions {
  /** Tool version for `tool.driver.version`. */
  version: string;
  /** Artifact URIs are relative to this folder (the repository root in CI). */
  root: string;
}

export function lintSarif(files: readonly VFile[], options: SarifOptions): object {
  const ruleIndex = new Map(RULE_IDS.map((id, index) => [id as string, index]));
  const results = [];
  for (const file of files) {
    const uri = file.path ? relative(options.root, file.path).split(sep).join('/') : 'stdin';
    for (const message of file.messages) {
      const place = message.place && 'start' in message.place ? message.place : null;
      const region = place
        ? {
            startLine: place.start.line,
            startColumn: place.start.column,
            endLine: place.end.line,
            endColumn: place.end.column,
            ...(place.start.offset !== undefined && place.end.offset !== undefined ? { charOffset: place.start.offset, charLength: place.end.offset - place.start.offset } : {}),
          }
        : { startLine: 1 };
      const result: Record<string, unknown> = {
        ruleId: message.ruleId ?? 'gongwen',
        level: message.fatal ? 'error' : 'warning',
        message: { text: message.reason },
        locations: [{ physicalLocation: { artifactLocation: { uri, uriBaseId: '%SRCROOT%' }, region } }],
      };
      const index = message.ruleId ? ruleIndex.get(message.ruleId) : undefined;
      if (index !== undefined) result.ruleIndex = index;
      const replacement = message.expected?.[0];
      if (replacement !== undefined && place?.start.offset !== undefined) {
        result.fixes = [
          {
            description: { text: replacement === '' ? 'Remove it' : `Replace with “${replacement}”` },
            artifactChanges: [{ artifactLocation: { uri, uriBaseId: '%SRCROOT%' }, replacements: [{ deletedRegion: region, insertedContent: { text: replacement } }] }],
          },
        ];
      }
      results.push(result);
    }
  }
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: LINT_SOURCE,
            version: options.version,
            rules: RULE_IDS.map((id) => ({
              id,
              shortDescription: { text: RULE_DESCRIPTIONS[id] },
              defaultConfiguration: { level: recommended[id] === 'error' ? 'error' : 'warning' },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToUri(options.root) } },
        results,
      },
    ],
  };
}

function pathToUri(folder: string): string {
  const path = folder.split(sep).join('/');
  return `file://${path.startsWith('/') ? '' : '/'}${encodeURI(path)}${path.endsWith('/') ? '' : '/'}`;
}
