// Markdown descriptions of reference entities (actions, action patterns, condition keys), shared
// by hover (the whole text) and completion (an item's documentation).
import { expandActionPattern, splitAction } from '../reference/actions';
import { hasWildcard } from '../reference/arn';
import { dependentActionsOf, dependentActionsSnapshot } from '../reference/dependentActions';
import { ActionInfo, ConditionKeyInfo, resourceTypeFormats, serviceExists, serviceName } from '../reference/iamData';
import { connectCompanions } from './connectInfo';

export const REFERENCE_URL = 'https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html';

/** How many actions a wildcard hover lists before "and N more". */
export const PATTERN_LIST_LIMIT = 20;

export const code = (s: string) => `\`${s}\``;

export function fullName(a: ActionInfo): string {
  return `${a.service}:${a.name}`;
}

function referenceLink(service: string): string {
  const name = serviceName(service);
  return `[Service authorization reference${name ? `: ${name}` : ''}](${REFERENCE_URL})`;
}

function resourceTypeLines(a: ActionInfo): string[] {
  if (!a.resourceTypes.some((rt) => rt.name)) return ['No resource types: this action takes `"Resource": "*"` only.'];
  const lines = ['**Resource types**'];
  for (const rt of a.resourceTypes) {
    if (!rt.name) continue;
    const formats = resourceTypeFormats(a.service, rt.name).map((f) => code(f.arn));
    lines.push(`- ${code(rt.name)}${rt.required ? ' (required)' : ''}${formats.length ? `: ${formats.join(' or ')}` : ''}`);
  }
  return lines;
}

/** The other actions the reference says this one needs (its "Dependent actions" column, kept from
 *  the last snapshot that had it), dated so a reader knows how current the list is. */
function dependentSection(a: ActionInfo): string {
  const deps = dependentActionsOf(a.service, a.name);
  if (!deps.length) return '';
  return `**Also needs** (dependent actions, service authorization reference, ${dependentActionsSnapshot().month}): ${deps.map(code).join(', ')}`;
}

/** The "what else must be allowed" section of a Connect action (empty for other services). */
function connectSection(a: ActionInfo): string[] {
  if (a.service !== 'connect') return [];
  const needs = connectCompanions(a.name);
  return needs.length ? ['**Amazon Connect: for this call to succeed, also allow**', ...needs.map((n) => `- ${n}`)] : [];
}

/** Everything about one action: description, access level, resource types with ARN formats,
 *  condition keys, dependent actions, Connect companions, and a link. */
export function describeAction(a: ActionInfo): string {
  const blocks = [
    `**${fullName(a)}** · ${a.accessLevel}`,
    a.description,
    resourceTypeLines(a).join('\n'),
    a.conditionKeys.length ? `**Condition keys**: ${a.conditionKeys.map(code).join(', ')}` : '',
    dependentSection(a),
    connectSection(a).join('\n'),
    referenceLink(a.service),
  ];
  return blocks.filter((b) => b).join('\n\n');
}

/** What an action string stands for: one action, the actions a wildcard matches, or why it
 *  names none. */
export function describeActionText(text: string): string | undefined {
  if (text === '*') return '`*`: every action of every AWS service.';
  const parts = splitAction(text);
  if (!parts) return undefined;
  if (hasWildcard(parts.service)) return `${code(text)}: the service prefix is a pattern, so it matches actions of every service whose prefix fits it.`;
  if (!serviceExists(parts.service)) return `${code(parts.service)} is not a service prefix in the AWS reference.`;
  const matched = expandActionPattern(parts.service, parts.name);
  if (!hasWildcard(parts.name)) {
    return matched[0] ? describeAction(matched[0]) : `${code(text)} is not an action of ${serviceName(parts.service) ?? parts.service} in the AWS reference.`;
  }
  return describePattern(text, parts.service, matched);
}

function describePattern(text: string, service: string, matched: ActionInfo[]): string {
  const name = serviceName(service) ?? service;
  if (!matched.length) return `${code(text)} matches no action of ${name}.`;
  const lines = matched.slice(0, PATTERN_LIST_LIMIT).map((a) => `- ${code(fullName(a))} (${a.accessLevel})`);
  const rest = matched.length - PATTERN_LIST_LIMIT;
  if (rest > 0) lines.push(`- …and ${rest} more`);
  const noun = matched.length === 1 ? 'action' : 'actions';
  return [`${code(text)} matches **${matched.length}** ${noun} of ${name}:`, lines.join('\n'), referenceLink(service)].join('\n\n');
}

export function describeConditionKey(info: ConditionKeyInfo): string {
  const head = `**${info.key}** (${info.type})${info.global ? ' · global condition key' : ''}`;
  return info.description ? `${head}\n\n${info.description}` : head;
}
