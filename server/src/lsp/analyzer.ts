// One parsed document and one analysis per open document version, shared by diagnostics, code
// actions, hovers and completions (the engine's service: parse once, then analyse, hover and
// complete that parsed document). Large documents are analysed off the main thread
// (analysisWorker.ts), and a newer version cancels the analysis of an older one (cooperatively:
// the worker, with its warm statement cache, goes on to the newer version).
import { CodeAction, Range } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createPolicyService, Finding, HostAnalyzeOptions, ParsedDocument, PolicyService } from '../engine';
import { AnalysisCancelled, AnalysisOutOfMemory, AnalysisPool, AnalysisPoolOptions, OFF_THREAD_CHARS, PoolStats } from './analysisWorker';
import { codeActionsFor } from './codeActions';
import { ClientReportedRules } from './diagnostics';
import { AnalyzeAnswer } from './workerSession';
import { FileGlobs } from './fileGlobs';
import { rulesFor } from './fileRules';
import { Settings } from './settings';

export interface DocumentAnalysis {
  version: number;
  settings: Settings;
  options: HostAnalyzeOptions;
  /** A policy the server works on (false: the document is left alone). */
  isPolicy: boolean;
  /** Over `maxDocumentSize`: not analysed, `findings` is empty. */
  tooLarge: boolean;
  /** The analysis itself failed (a bug): why, and `findings` is empty. */
  failed?: string;
  /** It failed because the worker ran out of memory (`failed` says so too). */
  outOfMemory?: boolean;
  /** The findings of a document analysed on this thread (empty for one analysed in the worker,
   *  which keeps them: `worker`). */
  findings: Finding[];
  /** A document analysed in the worker: the id of the worker's analysis (which answers the code
   *  actions) and its answer, the diagnostics to publish as UTF-8 JSON (published as they are:
   *  rawJson.ts). */
  worker?: { id: number; answer: AnalyzeAnswer };
}

/** Cheap stand-in for "is a policy" on documents too large to parse. */
const STATEMENT_KEY = /"Statement"\s*:/;

/** Parsed documents kept at once (as vscode-json-languageservice's clients keep 10): each holds
 *  its tree, and a document not hovered lately is cheap to read again. */
const MAX_PARSED = 10;

interface Entry {
  version: number;
  /** Parsed on first use (a large document analysed in the worker may never be read here). */
  parsed?: { forcePolicy: boolean; doc: ParsedDocument };
  analysis?: { settings: Settings; result: Promise<DocumentAnalysis> };
}

export class Analyzer {
  private readonly entries = new Map<string, Entry>();
  private readonly pool: AnalysisPool;
  /** What the client's editor reports itself (set from the initialization options). */
  readonly clientReported = new ClientReportedRules();

  /** `service` is the engine's; tests pass one whose analysis fails, and pool options (e.g. a
   *  small heap). */
  constructor(private readonly globs: FileGlobs, readonly service: PolicyService = createPolicyService(), poolOptions: AnalysisPoolOptions = {}) {
    this.pool = new AnalysisPool(poolOptions);
  }

  /** The parsed document of this version of the document, read with what the settings say of it
   *  (`connectIam.files` makes any JSON a policy). Hover and completion use it, and so does the
   *  analysis unless the document is large enough for the worker. */
  parsed(doc: TextDocument, settings: Settings): ParsedDocument {
    const entry = this.entry(doc);
    const forcePolicy = this.globs.matches(doc.uri, settings.files);
    if (!entry.parsed || entry.parsed.forcePolicy !== forcePolicy) {
      entry.parsed = { forcePolicy, doc: this.service.parse(doc.getText(), { forcePolicy, languageId: doc.languageId, path: doc.uri }) };
    }
    // Most recently used last; the oldest documents give up their trees.
    this.entries.delete(doc.uri);
    this.entries.set(doc.uri, entry);
    let keep = MAX_PARSED;
    for (const e of [...this.entries.values()].reverse()) if (e.parsed && keep-- <= 0) e.parsed = undefined;
    return entry.parsed.doc;
  }

  /** The analysis of this version of the document (shared by every caller that asks for it). */
  analyze(doc: TextDocument, settings: Settings): Promise<DocumentAnalysis> {
    const entry = this.entry(doc);
    if (entry.analysis?.settings === settings) return entry.analysis.result;
    // New settings: what was under way for the old ones is of no use.
    if (entry.analysis) this.pool.cancel(doc.uri);
    const result = this.compute(doc, settings);
    result.catch(() => undefined); // a cancelled analysis nobody awaits any more is no error
    entry.analysis = { settings, result };
    return result;
  }

  /** Stops the analysis under way for the document (the user cancelled its progress); the next
   *  request for that version starts a new one. */
  cancel(uri: string): void {
    this.pool.cancel(uri);
    const entry = this.entries.get(uri);
    if (entry) entry.analysis = undefined;
  }

  /** What the worker pool has done (workers started and terminated, the last run's cache hits). */
  get workerStats(): Readonly<PoolStats> {
    return this.pool.stats;
  }

  /** The code actions of an analysis for `range` (`only`: the kinds asked for). A document
   *  analysed in the worker has its findings and fixes there, and the worker answers. */
  async codeActions(doc: TextDocument, analysis: DocumentAnalysis, range: Range, only: string[] | undefined, versioned: boolean): Promise<CodeAction[]> {
    if (analysis.worker) {
      try {
        return (await this.pool.codeActions(doc.uri, { analysis: analysis.worker.id, range, only, versioned })) ?? [];
      } catch (err) {
        if (err instanceof AnalysisCancelled) return []; // a newer version came meanwhile
        throw err;
      }
    }
    const context = { doc, parsed: this.parsed(doc, analysis.settings), service: this.service, versioned };
    return codeActionsFor(context, analysis.findings, range, only, analysis.options);
  }

  forget(uri: string): void {
    this.pool.forget(uri);
    this.entries.delete(uri);
  }

  dispose(): void {
    this.pool.dispose();
    this.entries.clear();
  }

  /** The entry of this version; a newer version drops the old one's (and cancels its analysis). */
  private entry(doc: TextDocument): Entry {
    let entry = this.entries.get(doc.uri);
    if (entry?.version !== doc.version) {
      if (entry?.analysis) this.pool.cancel(doc.uri);
      entry = { version: doc.version };
      this.entries.set(doc.uri, entry);
    }
    return entry;
  }

  private async compute(doc: TextDocument, settings: Settings): Promise<DocumentAnalysis> {
    const forcePolicy = this.globs.matches(doc.uri, settings.files);
    // The language and URI tell a template (CloudFormation, SAM, serverless.yml) from a policy.
    const options: HostAnalyzeOptions = { rules: rulesFor(doc.uri, settings, this.globs), forcePolicy, languageId: doc.languageId, path: doc.uri };
    const base = { version: doc.version, settings, options, tooLarge: false, findings: [] as Finding[] };
    if (!settings.enable) return { ...base, isPolicy: false };
    const text = doc.getText();
    if (text.length > settings.maxDocumentSize) {
      // Only policies (or what the user's globs call one) hear about it: a big package-lock.json
      // must not get a note.
      return { ...base, isPolicy: forcePolicy || STATEMENT_KEY.test(text), tooLarge: true };
    }
    try {
      // The worker reads the text in its own thread: a parsed tree does not cross threads.
      if (text.length >= OFF_THREAD_CHARS) {
        const unpublished = this.clientReported.unpublished(doc.languageId);
        const result = await this.pool.run(doc.uri, text, options, { version: doc.version, languageId: doc.languageId, unpublished });
        return { ...base, isPolicy: result.isPolicy, worker: { id: result.id, answer: result } };
      }
      const result = this.service.analyze(this.parsed(doc, settings), { rules: options.rules });
      return { ...base, isPolicy: result.isPolicy, findings: result.findings };
    } catch (err) {
      if (err instanceof AnalysisCancelled) throw err;
      // The engine failed on this text: say so instead of leaving earlier diagnostics standing.
      const isPolicy = forcePolicy || STATEMENT_KEY.test(text);
      return { ...base, isPolicy, failed: err instanceof Error ? err.message : String(err), outOfMemory: err instanceof AnalysisOutOfMemory || undefined };
    }
  }
}
