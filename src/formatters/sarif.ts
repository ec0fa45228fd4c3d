import { pathToFileURL } from 'node:url';
import type { Formatter } from './context.js';
import { displayPath } from './context.js';

/** SARIF 2.1.0 for GitHub code scanning: rules with help text, paths relative to %SRCROOT%. */
export const formatSarif: Formatter = (diagnostics, ctx) => {
  const rules = [...ctx.rules].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const base = pathToFileURL(ctx.cwd.endsWith('/') ? ctx.cwd : `${ctx.cwd}/`).href;
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: ctx.toolName ?? 'gen-supervisor',
            ...(ctx.toolVersion ? { version: ctx.toolVersion } : {}),
            informationUri: 'https://www.npmjs.com/package/gen-supervisor',
            rules: rules.map((r) => ({
              id: r.id,
              name: r.id,
              shortDescription: { text: r.description },
              fullDescription: { text: r.description },
              help: { text: r.docs, markdown: r.docs },
              ...(ctx.docsBaseUrl ? { helpUri: `${ctx.docsBaseUrl}${r.id}.md` } : {}),
              defaultConfiguration: { level: r.severity },
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: base } },
        results: diagnostics.map((d) => {
          const path = displayPath(d.file, ctx.cwd);
          const relativePath = !path.startsWith('/');
          return {
            ruleId: d.ruleId,
            ...(index.has(d.ruleId) ? { ruleIndex: index.get(d.ruleId) } : {}),
            level: d.severity,
            message: { text: d.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: relativePath
                    ? { uri: encodeURI(path), uriBaseId: '%SRCROOT%' }
                    : { uri: pathToFileURL(path).href },
                  region: {
                    startLine: d.line,
                    startColumn: d.column,
                    ...(d.endLine !== undefined ? { endLine: d.endLine } : {}),
                    ...(d.endColumn !== undefined ? { endColumn: d.endColumn } : {}),
                  },
                },
              },
            ],
          };
        }),
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
};
