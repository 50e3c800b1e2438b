// Analysis of an open document under its settings, cached per document version so diagnostics,
// code actions, hovers and completions of one version share one analysis.
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeHost, HostAnalyzeOptions, Finding } from '../engine';
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
  findings: Finding[];
}

/** Cheap stand-in for "is a policy" on documents too large to parse. */
const STATEMENT_KEY = /"Statement"\s*:/;

export class Analyzer {
  private readonly cache = new Map<string, DocumentAnalysis>();

  constructor(private readonly globs: FileGlobs) {}

  analyze(doc: TextDocument, settings: Settings): DocumentAnalysis {
    const hit = this.cache.get(doc.uri);
    if (hit && hit.version === doc.version && hit.settings === settings) return hit;
    const result = this.compute(doc, settings);
    this.cache.set(doc.uri, result);
    return result;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  private compute(doc: TextDocument, settings: Settings): DocumentAnalysis {
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
    const result = analyzeHost(text, options);
    return { ...base, isPolicy: result.isPolicy, findings: result.findings };
  }
}
