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
  // Only real rules have a docs page (not e.g. the engine's `internal-error` report).
  if (ruleById(f.ruleId)) d.codeDescription = { href: ruleDocsUrl(f.ruleId) };
  if (f.related?.length) {
    d.relatedInformation = f.related.map((r) =>
      DiagnosticRelatedInformation.create(Location.create(doc.uri, toRange(doc, r.range)), r.message),
    );
  }
  const tags = f.tags?.map((t) => TAGS[t]).filter((t) => t !== undefined);
  if (tags?.length) d.tags = tags;
  return d;
}

/** The single diagnostic of a document the engine failed on: it replaces the previous version's
 *  diagnostics, which no longer describe the text. */
export function analysisFailedDiagnostic(doc: TextDocument, reason: string): Diagnostic {
  return {
    range: toRange(doc, { start: 0, end: 0 }),
    severity: DiagnosticSeverity.Warning,
    source: SOURCE,
    code: 'internal-error',
    message: `Connect IAM could not analyse this document, so no findings are shown for it: ${reason.split('\n')[0].slice(0, 300)}. Please report this with the document.`,
  };
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
