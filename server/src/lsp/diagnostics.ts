// Engine findings → LSP diagnostics. Offsets become positions through the synced TextDocument, so
// the ranges are exactly the engine's (UTF-16 offsets on both sides).
import { Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, DiagnosticTag, Location, Range } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Finding, FindingTag, OffsetRange, ruleById, ruleDocsUrl, Severity } from '../engine';

export const SOURCE = 'connect-iam';

const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

const TAGS: Record<FindingTag, DiagnosticTag> = {
  unnecessary: DiagnosticTag.Unnecessary,
  deprecated: DiagnosticTag.Deprecated,
};

export function toRange(doc: TextDocument, r: OffsetRange): Range {
  return { start: doc.positionAt(r.start), end: doc.positionAt(r.end) };
}

export function toDiagnostic(doc: TextDocument, f: Finding): Diagnostic {
  const d: Diagnostic = {
    range: toRange(doc, f.range),
    severity: SEVERITIES[f.severity] ?? DiagnosticSeverity.Warning,
    code: f.ruleId,
    source: SOURCE,
    message: f.message,
  };
  // Only real rules have a docs page (not e.g. the engine's `internal-error` report), and only an
  // installed package has the pages to link to.
  const href = ruleById(f.ruleId) ? ruleDocsUrl(f.ruleId) : undefined;
  if (href) d.codeDescription = { href };
  if (f.related?.length) {
    d.relatedInformation = f.related.map((r) =>
      DiagnosticRelatedInformation.create(Location.create(doc.uri, toRange(doc, r.range)), r.message),
    );
  }
  const tags = f.tags?.map((t) => TAGS[t]).filter((t) => t !== undefined);
  if (tags?.length) d.tags = tags;
  return d;
}

/**
 * Rules whose findings the client's own editor already reports, per language ID: e.g. VS Code's
 * JSON language service reports syntax errors in `json` and `jsonc` documents, and comments and
 * trailing commas in `json` ones. The client names them in the initialization options
 * (`{ "clientReportedRules": { "json": ["json-syntax", …] } }`); their findings are not published
 * (one squiggle per problem) but still feed the quick fixes and fix-all. Clients that send nothing
 * (Neovim, the CLI) get every finding.
 */
export class ClientReportedRules {
  private byLanguage = new Map<string, Set<string>>();

  /** Read `clientReportedRules` from the initialization options; anything malformed is ignored. */
  configure(initializationOptions: unknown): void {
    this.byLanguage.clear();
    const raw = (initializationOptions as { clientReportedRules?: unknown } | null | undefined)?.clientReportedRules;
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return;
    for (const [language, rules] of Object.entries(raw)) {
      if (Array.isArray(rules)) this.byLanguage.set(language, new Set(rules.filter((r): r is string => typeof r === 'string')));
    }
  }

  /** The rules whose findings are not published for a document of this language. */
  unpublished(languageId: string): string[] {
    return [...(this.byLanguage.get(languageId) ?? [])];
  }

  /** Should the finding be published for a document of this language? */
  publishes(languageId: string, f: Finding): boolean {
    return !this.byLanguage.get(languageId)?.has(f.ruleId);
  }
}

/** The diagnostics to publish for a document's findings. */
export function publishedDiagnostics(doc: TextDocument, findings: readonly Finding[], reported: ClientReportedRules): Diagnostic[] {
  return findings.filter((f) => reported.publishes(doc.languageId, f)).map((f) => toDiagnostic(doc, f));
}

/** The single diagnostic of a document the engine failed on: it replaces the previous version's
 *  diagnostics, which no longer describe the text. */
export function analysisFailedDiagnostic(doc: TextDocument, reason: string): Diagnostic {
  return notAnalysed(doc, `Connect IAM could not analyse this document, so no findings are shown for it: ${reason.split('\n')[0].slice(0, 300)}. Please report this with the document.`);
}

/** The single diagnostic of a document whose analysis ran out of memory (the worker's heap limit,
 *  analysisWorker.ts): the server lives on, and the user learns why nothing else is shown. */
export function outOfMemoryDiagnostic(doc: TextDocument, reason: string): Diagnostic {
  return notAnalysed(doc, `Connect IAM could not analyse this document: ${reason}, so no findings are shown for it. Split it into smaller documents, or lower connectIam.maxDocumentSize to skip documents this large.`);
}

/** A document's one warning, at its start, that it was not analysed. */
function notAnalysed(doc: TextDocument, message: string): Diagnostic {
  return { range: toRange(doc, { start: 0, end: 0 }), severity: DiagnosticSeverity.Warning, source: SOURCE, code: 'internal-error', message };
}

/** The single diagnostic of a document too large to analyse: it says why nothing else appears. */
export function tooLargeDiagnostic(doc: TextDocument, limit: number): Diagnostic {
  return {
    range: toRange(doc, { start: 0, end: 0 }),
    severity: DiagnosticSeverity.Information,
    source: SOURCE,
    message: `This document is not analysed: it has ${doc.getText().length} characters, more than the connectIam.maxDocumentSize setting (${limit}). Raise the setting to analyse it.`,
  };
}
