// SARIF 2.1.0, the format code-scanning services (e.g. GitHub's upload-sarif action) ingest.
// Every rule the engine has is described in `tool.driver.rules`; results point at them by index.
import type * as Sarif from 'sarif';
import { RuleMeta, ruleDocsUrl, Severity } from '../../engine';
import { artifactLocation, directoryUri, SRCROOT } from '../paths';
import { LintResult, Span } from '../results';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

export interface SarifOptions {
  /** The rules to describe (normally `allRules`). */
  rules: readonly RuleMeta[];
  toolName: string;
  toolVersion: string;
  /** Where rule pages are (see docsBase in engine/docsUrl.ts); undefined: no links. */
  docsBase?: string;
  /** The source root: artifact URIs are relative to it. */
  cwd: string;
  /** Input problems of the run (unreadable files…), reported as tool notifications. */
  problems?: readonly string[];
}

const LEVEL: Record<Severity, Sarif.ReportingConfiguration.level> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

export function buildSarif(results: readonly LintResult[], options: SarifOptions): Sarif.Log {
  const descriptors: Sarif.ReportingDescriptor[] = options.rules.map((r) => ({
    id: r.id,
    shortDescription: { text: r.title },
    helpUri: ruleDocsUrl(r.id, options.docsBase ?? null),
    defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
    // Code-scanning services list tags as filters; the category is the natural one.
    properties: { tags: [r.category] },
  }));
  const index = new Map(descriptors.map((d, i) => [d.id, i]));
  // A finding whose rule is not in the list (the engine's `internal-error`) still gets a descriptor,
  // so every result can be resolved by consumers that insist on one.
  const ruleIndex = (id: string): number => {
    if (!index.has(id)) index.set(id, descriptors.push({ id, shortDescription: { text: id } }) - 1);
    return index.get(id)!;
  };

  const sarifResults: Sarif.Result[] = [];
  for (const file of results) {
    const artifact = artifactLocation(file.filePath, options.cwd);
    for (const m of file.messages) {
      const result: Sarif.Result = {
        ruleId: m.ruleId,
        ruleIndex: ruleIndex(m.ruleId),
        level: LEVEL[m.severity],
        message: { text: m.message },
        locations: [{ physicalLocation: { artifactLocation: artifact, region: region(m) } }],
      };
      if (m.related?.length) {
        result.relatedLocations = m.related.map((r, i) => ({
          id: i + 1,
          message: { text: r.message },
          physicalLocation: { artifactLocation: artifact, region: region(r) },
        }));
      }
      sarifResults.push(result);
    }
  }

  const run: Sarif.Run = {
    tool: {
      driver: {
        name: options.toolName,
        version: options.toolVersion,
        semanticVersion: options.toolVersion,
        // The docs folder is the tool's information page (SARIF: optional, an absolute URI).
        informationUri: options.docsBase,
        rules: descriptors,
      },
    },
    originalUriBaseIds: { [SRCROOT]: { uri: directoryUri(options.cwd) } },
    columnKind: 'utf16CodeUnits',
    results: sarifResults,
  };
  if (options.problems) {
    run.invocations = [
      {
        executionSuccessful: options.problems.length === 0,
        toolExecutionNotifications: options.problems.map((text) => ({ level: 'error', message: { text } })),
      },
    ];
  }
  return { $schema: SARIF_SCHEMA, version: '2.1.0', runs: [run] };
}

export function formatSarif(results: readonly LintResult[], options: SarifOptions): string {
  return `${JSON.stringify(buildSarif(results, options), null, 2)}\n`;
}

/** SARIF regions are 1-based with an exclusive end column, like our spans. */
function region(s: Span): Sarif.Region {
  return { startLine: s.line, startColumn: s.column, endLine: s.endLine, endColumn: s.endColumn };
}
