// The policy service: the engine as the language server, the CLI and the tests use it, in the
// manner of vscode-json-languageservice. `parse` reads a document once (per document version, in
// an editor); `analyze`, `hover`, `complete`, `fixes` and `fixAll` all take that parsed document,
// so none of them reads the text again.
//
//   const service = createPolicyService();
//   const doc = service.parse(text, { languageId: 'yaml', path: 'template.yaml' });
//   service.analyze(doc, { rules }).findings; service.hover(doc, offset); service.complete(doc, offset);
import { analyzeParsedHost, HostAnalysis } from './analyze';
import { fixAll as fixAllText, FixAllResult } from './fixes/fixAll';
import { parseHost } from './hosts/host';
import { ParsedDocument, parseDocument, ParseOptions } from './parsedDocument';
import { CompletionList, completionsIn } from './services/completion';
import { HoverResult, hoverIn } from './services/hover';
import { AnalyzeOptions, Finding, Fix } from './types';

/** Options of an analysis: the rule settings (what the document is came with `parse`). */
export type ServiceAnalyzeOptions = Pick<AnalyzeOptions, 'rules'>;

export interface ServiceFixAllOptions extends ServiceAnalyzeOptions {
  /** The findings of `analyze(doc)` when the caller has them already (the language server keeps
   *  each version's analysis): the first round then analyses nothing. */
  findings?: readonly Finding[];
}

export interface PolicyService {
  /** Read a document once: a JSON policy, a CloudFormation/SAM/Serverless template (JSON or
   *  YAML), a Terraform file (after `loadHclParser()`), or none of these. */
  parse(text: string, options?: ParseOptions): ParsedDocument;
  /** Findings of every rule (`isPolicy: false` and none for documents that hold no policy). */
  analyze(doc: ParsedDocument, options?: ServiceAnalyzeOptions): HostAnalysis;
  hover(doc: ParsedDocument, offset: number): HoverResult | undefined;
  complete(doc: ParsedDocument, offset: number): CompletionList;
  /** The fixes of one finding of `analyze(doc)` (the quick fixes an editor offers for it). */
  fixes(doc: ParsedDocument, finding: Finding): Fix[];
  /** Every safe fix applied, round after round, to a fixed point (fixes/fixAll.ts). */
  fixAll(doc: ParsedDocument, options?: ServiceFixAllOptions): FixAllResult;
}

export interface PolicyServiceOptions {
  /** The host reader (hosts/host.ts `parseHost`); tests pass one that counts its calls. */
  readHost?: typeof parseHost;
}

export function createPolicyService(serviceOptions: PolicyServiceOptions = {}): PolicyService {
  const readHost = serviceOptions.readHost ?? parseHost;
  // What the document is (language, path, forced policy, kind) was fixed by `parse`; an analysis
  // only adds the rule settings.
  const analyzeOptions = (doc: ParsedDocument, options: ServiceAnalyzeOptions = {}) => ({ rules: options.rules, ...doc.options });
  return {
    parse: (text, options) => parseDocument(text, options, readHost),
    analyze: (doc, options) => analyzeParsedHost(doc.host, analyzeOptions(doc, options), doc.policy),
    hover: hoverIn,
    complete: completionsIn,
    fixes: (_doc, finding) => (finding.fixes ?? []).filter((f) => f.edits.length > 0),
    fixAll(doc, options = {}) {
      const first = options.findings ?? analyzeParsedHost(doc.host, analyzeOptions(doc, options), doc.policy).findings;
      // Later rounds analyse the text each round wrote: a new text, read once.
      return fixAllText(doc.text, analyzeOptions(doc, options), first);
    },
  };
}

/** One service for callers that need no options of their own. */
const shared = /* @__PURE__ */ createPolicyService();

/** Hover on text (a convenience for one-off calls and tests): parse, then hover. */
export function hoverAt(text: string, offset: number, options?: ParseOptions): HoverResult | undefined {
  return shared.hover(shared.parse(text, options), offset);
}

/** Completion on text (a convenience for one-off calls and tests): parse, then complete. */
export function completionsAt(text: string, offset: number, options?: ParseOptions): CompletionList {
  return shared.complete(shared.parse(text, options), offset);
}
