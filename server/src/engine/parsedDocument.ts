// A document read once: the host (a JSON policy, a CloudFormation/SAM/Serverless template, a
// Terraform file, or none of these) and, for a JSON document read as a whole, its policy model.
// The service (service.ts) makes one per document version; analysis, hover and completion all
// work on it, so none of them parses the text again.
import { HostDocument, HostHint, parseHost } from './hosts/host';
import { buildPolicy, PolicyDocument } from './parse/policyModel';
import { PolicyKind } from './types';

/** What is known of a document besides its text. */
export interface ParseOptions extends HostHint {
  /** Read a JSON document as a policy even without a `Statement` (the user's `files` globs say
   *  it is one). */
  forcePolicy?: boolean;
  /** Force the policy kind (identity or resource); by default the statements decide. */
  kind?: PolicyKind;
}

export interface ParsedDocument {
  readonly text: string;
  readonly options: Readonly<ParseOptions>;
  readonly host: HostDocument;
  /** The policy model of a JSON document that is no template (a policy, or JSON being typed
   *  into one: completion offers the first elements); undefined for templates and Terraform. */
  readonly policy: PolicyDocument | undefined;
}

/** A document to be read once. The text is read on first use of `host` or `policy` (so a large
 *  document analysed by the language server's worker thread is not read on the main thread unless
 *  a hover or completion needs it), and never again. `readHost` is the host reader (the service
 *  passes its own). */
export function parseDocument(text: string, options: ParseOptions = {}, readHost: typeof parseHost = parseHost): ParsedDocument {
  const hint: ParseOptions = Object.freeze({ languageId: options.languageId, path: options.path, forcePolicy: options.forcePolicy, kind: options.kind });
  let host: HostDocument | undefined;
  let policy: { model: PolicyDocument | undefined } | undefined;
  return {
    text,
    options: hint,
    get host() {
      return (host ??= readHost(text, hint));
    },
    get policy() {
      if (!policy) {
        const h = this.host;
        const whole = h.syntax === 'json' && h.json && (h.kind === 'policy' || h.kind === 'none');
        policy = { model: whole ? buildPolicy(h.json!, h.json!.root, { forcePolicy: hint.forcePolicy, kind: hint.kind }) : undefined };
      }
      return policy.model;
    },
  };
}
