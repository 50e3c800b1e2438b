// The engine's one entry point (the facade the CLI, the language server and the tests use).
// Pure: imports neither `vscode` nor `vscode-languageserver`.
export * from './types';
export { analyze, analyzeDocument } from './analyze';
export { loadHclParser } from './hosts/hclParser';
export { parsePolicy } from './parse/policyModel';
export type { PolicyDocument, Statement, ValueItem, Property } from './parse/policyModel';
export { applyEdits } from './textEdits';
export { LineIndex } from './lineIndex';
export { allRules, ruleById } from './rules';
export { dataVersion } from './reference/iamData';
export { ruleDocsUrl } from './docsUrl';
export { hoverAt } from './services/hover';
export type { HoverResult } from './services/hover';
export { completionsAt } from './services/completion';
export type { CompletionList, CompletionEntry, CompletionKind } from './services/completion';
export { analyzeHost } from './analyze';
export type { HostAnalysis, HostAnalyzeOptions } from './analyze';
export { parseHost, isTemplatePath, hostSyntax, policyAt } from './hosts/host';
export type { HostDocument, HostHint, HostKind, EmbeddedPolicy } from './hosts/host';
export type { EmbeddedKind } from './hosts/locations';
export { fixAll, diffEdit, safeFixOf } from './fixes/fixAll';
export type { FixAllResult } from './fixes/fixAll';
// Policy facts for the client and the CLI, one home each: Regions and partitions, where Amazon
// Connect runs and its instance ARNs, "did you mean".
export { REGIONS, PARTITIONS, regionPartition } from './reference/regions';
export type { Partition } from './reference/regions';
export { regionLabel, regionName } from './reference/regionNames';
export { CONNECT_REGIONS, CONNECT_PARTITIONS, isConnectRegion, isInstanceId, readInstanceArn } from './connect/instanceArn';
export type { InstanceArnFields } from './connect/instanceArn';
export { closestMatch } from './reference/closest';
export { closestMatches } from './reference/suggest';
