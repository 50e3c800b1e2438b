// Analysis of an open document under its settings, cached per document version so diagnostics,
// code actions, hovers and completions of one version share one analysis. Large documents are
// analysed off the main thread (analysisWorker.ts), and a newer version cancels the analysis of
// an older one.
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeHost, HostAnalyzeOptions, Finding } from '../engine';
import { AnalysisCancelled, AnalysisPool, OFF_THREAD_CHARS } from './analysisWorker';
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
  findings: Finding[];
}

/** Cheap stand-in for "is a policy" on documents too large to parse. */
const STATEMENT_KEY = /"Statement"\s*:/;

interface Entry {
  version: number;
  settings: Settings;
  analysis: Promise<DocumentAnalysis>;
}

export class Analyzer {
  private readonly cache = new Map<string, Entry>();
  private readonly pool = new AnalysisPool();

  /** `analyzeText` is the engine's analyzeHost; tests pass one that fails. */
  constructor(private readonly globs: FileGlobs, private readonly analyzeText: typeof analyzeHost = analyzeHost) {}

  /** The analysis of this version of the document (shared by every caller that asks for it). */
  analyze(doc: TextDocument, settings: Settings): Promise<DocumentAnalysis> {
    const hit = this.cache.get(doc.uri);
    if (hit && hit.version === doc.version && hit.settings === settings) return hit.analysis;
    // A newer version (or new settings): what was under way for the old one is of no use.
    if (hit) this.pool.cancel(doc.uri);
    const analysis = this.compute(doc, settings);
    analysis.catch(() => undefined); // a cancelled analysis nobody awaits any more is no error
    this.cache.set(doc.uri, { version: doc.version, settings, analysis });
    return analysis;
  }

  /** Stops the analysis under way for the document (the user cancelled its progress); the next
   *  request for that version starts a new one. */
  cancel(uri: string): void {
    this.pool.cancel(uri);
    this.cache.delete(uri);
  }

  forget(uri: string): void {
    this.pool.cancel(uri);
    this.cache.delete(uri);
  }

  dispose(): void {
    this.pool.dispose();
    this.cache.clear();
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
      const result = text.length >= OFF_THREAD_CHARS ? await this.pool.run(doc.uri, text, options) : this.analyzeText(text, options);
      return { ...base, isPolicy: result.isPolicy, findings: result.findings };
    } catch (err) {
      if (err instanceof AnalysisCancelled) throw err;
      // The engine failed on this text: say so instead of leaving earlier diagnostics standing.
      const isPolicy = forcePolicy || STATEMENT_KEY.test(text);
      return { ...base, isPolicy, failed: err instanceof Error ? err.message : String(err) };
    }
  }
}
