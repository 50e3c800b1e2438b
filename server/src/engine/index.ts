// The engine's one entry point (the facade the CLI, the language server, the VS Code client and
// the tests use; test/unit/layering.test.ts fails when they import anything else of the engine).
// Pure: imports neither `vscode` nor `vscode-languageserver`. The service (service.ts) is the API:
// parse a document once, then analyse, hover, complete and fix that parsed document.
//
// Every module of the engine is side-effect free (scripts/build.mjs tells esbuild so), so a bundle
// keeps only what it uses of this file: the client's holds no rule.
export * from './types';
export { analyze, analyzeDocument } from './analyze';
export { loadHclParser } from './hosts/hclParser';
export { parsePolicy } from './parse/policyModel';
export type { PolicyDocument, Statement, ValueItem, Property } from './parse/policyModel';
export { applyEdits, diffEdit } from './textEdits';
export { sharedEnds } from './parse/sharedEnds';
export { LineIndex } from './lineIndex';
export { allRules, ruleById } from './rules';
export { dataVersion } from './reference/iamData';
export { ruleDocsUrl } from './docsUrl';
export { createPolicyService, hoverAt, completionsAt } from './service';
export type { PolicyService, PolicyServiceOptions, ServiceAnalyzeOptions, ServiceFixAllOptions } from './service';
export type { ParsedDocument, ParseOptions } from './parsedDocument';
export type { HoverResult } from './services/hover';
export type { CompletionList, CompletionEntry, CompletionKind } from './services/completion';
export { analyzeHost, AnalysisStopped } from './analyze';
// The language server's worker reports the cache's hit counts of each run (tests read them).
export { statementCache } from './incremental/statementCache';
export type { HostAnalysis, HostAnalyzeOptions } from './analyze';
export { parseHost, isTemplatePath, hostSyntax, policyAt } from './hosts/host';
export type { HostDocument, HostHint, HostKind, EmbeddedPolicy } from './hosts/host';
export type { EmbeddedKind } from './hosts/locations';
export { fixAll, safeFixOf } from './fixes/fixAll';
export type { FixAllResult } from './fixes/fixAll';
export { docsBase } from './docsUrl';

// What the VS Code client knows without asking the server: the policy templates it writes
// (Connect's table), where it merges them (a policy's statements, its partition, Region and
// instance) and the Region names of its quick pick. None of it pulls in a rule.
export { addStatementEdits } from './fixes/edits';
export { policyContext } from './policyContext';
export type { PolicyContext } from './policyContext';
export { dependencyRow, RESOURCES, exampleArn, connectServiceLinkedRoleArn, STORAGE_TYPES } from './connect/table';
export type { Need, Option, ResourceKind, StorageKind } from './connect/table';

// Policy facts for the client and the CLI, one home each: Regions and partitions, where Amazon
// Connect runs and its instance ARNs, "did you mean".
export { REGIONS, PARTITIONS, regionPartition } from './reference/regions';
export type { Partition } from './reference/regions';
export { regionLabel, regionName } from './reference/regionNames';
export { CONNECT_REGIONS, CONNECT_PARTITIONS, isConnectRegion, isInstanceId, readInstanceArn } from './connect/instanceArn';
export type { InstanceArnFields } from './connect/instanceArn';
export { closestMatch } from './reference/closest';
export { closestMatches } from './reference/suggest';
