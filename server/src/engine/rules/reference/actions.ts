// Action rules: the shape of `service:Action`, the service prefix, the action name and wildcard
// patterns, all checked against the service authorization reference (case-insensitively, as IAM
// compares actions).
import { alternativeFixes, replaceInStringEdit, replaceValueFix } from '../../fixes/edits';
import { Statement, subRange } from '../../parse/policyModel';
import { actionsOf, serviceKeys, serviceName } from '../../reference/iamData';
import { splitAction } from '../../reference/actions';
import { closestMatches, orList } from '../../reference/suggest';
import { Fix } from '../../types';
import { Rule, RuleContext } from '../rule';
import { referenceDate, ResolvedAction, resolvedActions } from './resolve';

/** Every resolved action string of the document with its statement. */
function* allActions(ctx: RuleContext): Generator<{ s: Statement; a: ResolvedAction }> {
  for (const s of ctx.doc.statements) for (const a of resolvedActions(s)) yield { s, a };
}

export const actionMalformed: Rule = {
  id: 'action-malformed',
  scope: 'statement',
  defaultSeverity: 'error',
  category: 'reference',
  title: 'An action is not of the form service:ActionName.',
  fix: { summary: 'remove stray spaces', safe: true },
  check(ctx) {
    for (const { a } of allActions(ctx)) {
      if (a.status !== 'malformed') continue;
      const compact = a.text.replace(/\s+/g, '');
      const fixes: Fix[] = [];
      let why: string;
      if (!a.text.includes(':')) why = 'it has no service prefix';
      else if (a.text.indexOf(':') !== a.text.lastIndexOf(':')) why = 'it has more than one colon';
      else if (a.text.startsWith(':') || a.text.endsWith(':')) why = 'the service prefix or the action name is empty';
      else why = 'it contains characters IAM does not allow (only letters, digits, -, * and ?)';
      if (compact !== a.text && splitAction(compact)) {
        fixes.push(replaceValueFix(`Remove the spaces: ${compact}`, a.item, compact, { safe: true }));
      }
      ctx.report({
        message: `${a.text} is not a valid action, and IAM rejects the policy. ${why[0].toUpperCase()}${why.slice(1)}: write actions as service:ActionName, such as s3:GetObject.`,
        range: a.item.range,
        fixes: fixes.length ? fixes : undefined,
      });
    }
  },
};

export const actionUnknownService: Rule = {
  id: 'action-unknown-service',
  scope: 'statement',
  // Not an error: AWS managed policies still name retired services (`deepcomposer`) and new
  // services appear after the reference was taken.
  defaultSeverity: 'warning',
  category: 'reference',
  title: 'The service prefix of an action is not an AWS service.',
  fix: { summary: 'change the prefix to a near service prefix', safe: false },
  check(ctx) {
    for (const { a } of allActions(ctx)) {
      if (a.status !== 'unknown-service' || !a.parts) continue;
      const { service, colon } = a.parts;
      const near = closestMatches(service, serviceKeys());
      const fixes = alternativeFixes(near, (p) => ({ title: `Change the service prefix to ${p}`, edit: replaceInStringEdit(a.item, 0, colon, p) }));
      ctx.report({
        message: `${service} is not a service prefix in the AWS reference of ${referenceDate()}. Unless the service is newer, ${a.text} matches no action.${near.length ? ` Did you mean ${orList(near)}?` : ' Check the prefix in the Service Authorization Reference.'}`,
        range: subRange(a.item, 0, colon),
        data: near.length ? { suggestions: near } : undefined,
        fixes: fixes.length ? fixes : undefined,
      });
    }
  },
};

/** The action name of `best` in the user's style: the reference's own casing, unless the user
 *  wrote the whole name in lower or upper case. */
function styledName(userName: string, best: string): string {
  if (userName.length > 1 && userName === userName.toLowerCase()) return best.toLowerCase();
  if (userName.length > 1 && userName === userName.toUpperCase()) return best.toUpperCase();
  return best;
}

export const actionUnknown: Rule = {
  id: 'action-unknown',
  scope: 'statement',
  defaultSeverity: 'warning',
  category: 'reference',
  title: 'An action name does not exist in its service.',
  fix: { summary: 'change to the nearest action name (preferred)', safe: false },
  check(ctx) {
    for (const { a } of allActions(ctx)) {
      if (a.status !== 'no-match' || !a.explicit || !a.parts) continue;
      const { service, name, colon } = a.parts;
      const names = [...actionsOf(service).values()].map((x) => x.name);
      const near = closestMatches(name, names);
      const label = serviceName(service) ?? service;
      const fixes = alternativeFixes(near, (n) => {
        const styled = styledName(name, n);
        return { title: `Change to ${service}:${styled}`, edit: replaceInStringEdit(a.item, colon + 1, a.text.length, styled) };
      });
      ctx.report({
        message: `${label} has no action ${name} in the AWS reference of ${referenceDate()}. Unless it is newer, the statement grants or denies nothing for it.${near.length ? ` Did you mean ${orList(near.map((n) => `${service}:${n}`))}?` : ''}`,
        range: a.item.range,
        data: near.length ? { suggestions: near.map((n) => `${service}:${n}`) } : undefined,
        fixes: fixes.length ? fixes : undefined,
      });
    }
  },
};

export const actionPatternMatchesNothing: Rule = {
  id: 'action-pattern-matches-nothing',
  scope: 'statement',
  defaultSeverity: 'warning',
  category: 'reference',
  title: 'An action wildcard pattern matches no action of its service.',
  check(ctx) {
    for (const { a } of allActions(ctx)) {
      if (a.status !== 'no-match' || a.explicit || !a.parts) continue;
      const { service } = a.parts;
      ctx.report({
        message: `The pattern ${a.text} matches no action of ${serviceName(service) ?? service} in the AWS reference of ${referenceDate()}. It grants or denies nothing: correct the pattern.`,
        range: a.item.range,
      });
    }
  },
};

export const actionRules: Rule[] = [actionMalformed, actionUnknownService, actionUnknown, actionPatternMatchesNothing];
