// One-line explanations of the policy elements, and the snippets completion inserts for them.
// Keyed by the element list of reference/elements.ts: an element without an explanation, or an
// explanation of a name that is no element, does not compile.
import { StatementElement, TopLevelElement } from '../reference/elements';

export interface ElementInfo {
  name: string;
  doc: string;
  /** Snippet of the value completion inserts after `"Name": ` (tab stops as in VS Code snippets). */
  value: string;
}

/** In the order completion offers them. */
function infos<K extends string>(texts: Record<K, [doc: string, value: string]>): ElementInfo[] {
  return (Object.entries(texts) as [K, [string, string]][]).map(([name, [doc, value]]) => ({ name, doc, value }));
}

export const TOP_LEVEL_ELEMENTS: ElementInfo[] = infos<TopLevelElement>({
  Version: ['The policy language version: always `"2012-10-17"` (the older `2008-10-17` lacks policy variables).', '"2012-10-17"'],
  Id: ['An optional identifier for the policy (some services, e.g. SQS, ask for one); IAM ignores it.', '"$1"'],
  Statement: ['The statements of the policy: one object or an array of them. Each one allows or denies actions on resources.', '[\n\t{\n\t\t$0\n\t}\n]'],
});

export const STATEMENT_ELEMENTS: ElementInfo[] = infos<StatementElement>({
  Sid: ['An optional label for the statement, unique within the policy (letters and digits in identity policies).', '"$1"'],
  Effect: ['`Allow` or `Deny`. An explicit Deny always wins over any Allow.', '"${1|Allow,Deny|}"'],
  Action: ['The actions the statement applies to: `service:Action` strings, wildcards allowed (`s3:Get*`).', '"$1"'],
  NotAction: ['Every action **except** the listed ones. With `Allow` it grants far more than it seems to; prefer `Action`.', '"$1"'],
  Resource: ['The resources the statement applies to: ARNs (wildcards allowed) or `*`.', '"$1"'],
  NotResource: ['Every resource **except** the listed ones. With `Allow` it grants far more than it seems to; prefer `Resource`.', '"$1"'],
  Condition: ['When the statement applies: `{"Operator": {"key": values}}`; all operators and keys must be met, any value of a key may match.', '{\n\t"$1": {\n\t\t$0\n\t}\n}'],
  Principal: ['Who the statement applies to (resource-based policies only): `{"AWS": ARN}`, `{"Service": …}`, `{"Federated": …}` or `"*"`.', '{\n\t"${1|AWS,Service,Federated|}": "$2"\n}'],
  NotPrincipal: ['Everyone **except** the listed principals (resource-based policies only); rarely what you want.', '{\n\t"AWS": "$1"\n}'],
});

const ALL = new Map([...TOP_LEVEL_ELEMENTS, ...STATEMENT_ELEMENTS].map((e) => [e.name, e]));

export function elementInfo(name: string): ElementInfo | undefined {
  return ALL.get(name);
}
