// The server's own notifications, shared by the server and the VS Code client (no imports, so the
// client bundle does not pull in the server's LSP library).

/** Sent after each analysis of an open document. */
export const DOCUMENT_STATUS_METHOD = 'connectIam/documentStatus';

export interface DocumentStatus {
  uri: string;
  /** Analysed as a policy (false: left alone, e.g. package.json, or analysis is off). */
  isPolicy: boolean;
  /** How many diagnostics the server published for it. */
  problems: number;
}

/** A request of the client: the rules (for the "Show rule documentation" quick pick). The client
 *  asks the server rather than bundling the rules itself: its bundle holds no rule. */
export const RULE_CATALOG_METHOD = 'connectIam/ruleCatalog';

export interface RuleCatalogEntry {
  id: string;
  /** One sentence: what the rule finds. */
  title: string;
}
