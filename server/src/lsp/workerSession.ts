// What the analysis worker (analysisWorker.ts) does with a large document, and keeps of it. Only
// what the editor shows crosses back to the main thread: the published diagnostics, already in
// LSP form and serialised, as UTF-8 JSON bytes. The findings with their fixes stay here, with the
// text, and answer the code actions of that version.
//
// Why serialised: a 1 MB policy has ~4,000 findings (3.8 MB structured-clone payload with the
// fixes). Cloning them cost the main thread 20-45 ms to deserialise, plus ~6 ms to turn offsets
// into positions (measured side by side, docs/performance.md). Why bytes: their buffer is
// transferred, not copied, and the stdio writer puts them into the publishDiagnostics message as
// they are (rawJson.ts), so the main thread neither parses them nor holds them as a V8 string.
//
// The same class serves the inline fallback (no worker could start): the pool then calls it on
// the main thread.
import { CodeAction, Diagnostic, Range } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeHost, createPolicyService, Finding, HostAnalyzeOptions, ParsedDocument } from '../engine';
import { codeActionsFor } from './codeActions';
import { toDiagnostic } from './diagnostics';
import { updatedDocument } from './documentUpdate';
import { RawJson } from './rawJson';

export interface AnalyzeJob {
  kind: 'analyze';
  /** The document URI (the pool's key). */
  key: string;
  version: number;
  languageId: string;
  text: string;
  options: HostAnalyzeOptions;
  /** Rules the client's editor reports itself: their findings feed the code actions but are not
   *  published (diagnostics.ts ClientReportedRules). */
  unpublished: string[];
}

export interface CodeActionJob {
  kind: 'codeActions';
  key: string;
  /** The pool's id of the analysis job whose findings are asked about. */
  analysis: number;
  range: Range;
  only?: string[];
  versioned: boolean;
}

/** The document closed: what was kept of it goes. */
export interface ForgetJob {
  kind: 'forget';
  key: string;
}

export type SessionJob = AnalyzeJob | CodeActionJob | ForgetJob;

export interface AnalyzeAnswer {
  isPolicy: boolean;
  /** UTF-8 JSON of the Diagnostic[] to publish (its own buffer: the worker transfers it). */
  diagnostics: Uint8Array<ArrayBuffer>;
  /** How many diagnostics it holds (the status bar's count, without parsing them). */
  problems: number;
}

/** What `AnalyzeAnswer.diagnostics` holds, as a value that serialises as those diagnostics. */
export const rawDiagnostics = (answer: AnalyzeAnswer): RawJson => new RawJson(answer.diagnostics, answer.problems);

/** Parse what `AnalyzeAnswer.diagnostics` holds. */
export const readDiagnostics = (answer: AnalyzeAnswer): Diagnostic[] => rawDiagnostics(answer).toJSON() as Diagnostic[];

interface Kept {
  /** The analysis job this is the result of. */
  id: number;
  doc: TextDocument;
  parsed: ParsedDocument;
  options: HostAnalyzeOptions;
  findings: Finding[];
}

/** Documents whose last analysis is kept (the pool forgets a closed one; this bounds the rest). */
const MAX_KEPT = 4;

export class WorkerSession {
  private readonly kept = new Map<string, Kept>();
  private readonly service = createPolicyService();

  analyze(id: number, job: AnalyzeJob, shouldStop?: () => boolean): AnalyzeAnswer {
    // The previous version's findings are of no use once a newer one is analysed: let them go
    // before the new analysis allocates. Its document becomes this version's (documentUpdate.ts).
    const previous = this.kept.get(job.key)?.doc;
    this.kept.delete(job.key);
    const doc = updatedDocument(previous, job.key, job.languageId, job.version, job.text);
    // The document's text, not the job's: one copy of the text is kept, not two.
    const text = doc.getText();
    const result = analyzeHost(text, { ...job.options, shouldStop });
    const { rules, forcePolicy, languageId, path } = job.options;
    // Read lazily: the code actions use the text and the findings, not a tree.
    const parsed = this.service.parse(text, { forcePolicy, languageId, path });
    this.kept.set(job.key, { id, doc, parsed, options: { rules, forcePolicy, languageId, path }, findings: result.findings });
    for (const key of this.kept.keys()) if (this.kept.size > MAX_KEPT) this.kept.delete(key);
    const unpublished = new Set(job.unpublished);
    const diagnostics: Diagnostic[] = [];
    for (const f of result.findings) if (!unpublished.has(f.ruleId)) diagnostics.push(toDiagnostic(doc, f));
    return { isPolicy: result.isPolicy, diagnostics: new TextEncoder().encode(JSON.stringify(diagnostics)), problems: diagnostics.length };
  }

  /** The code actions of a kept analysis; undefined when that analysis is no longer kept (a newer
   *  version replaced it, or the worker that held it was replaced). */
  codeActions(job: CodeActionJob): CodeAction[] | undefined {
    const kept = this.kept.get(job.key);
    if (kept?.id !== job.analysis) return undefined;
    const context = { doc: kept.doc, parsed: kept.parsed, service: this.service, versioned: job.versioned };
    return codeActionsFor(context, kept.findings, job.range, job.only, kept.options);
  }

  forget(key: string): void {
    this.kept.delete(key);
  }
}
