// Condition keys checked against the reference: unknown global and service keys, service keys
// that none (or only some) of the statement's actions support, and operators whose type does not
// fit the key's type (Access Analyzer's "Type mismatch").
import { renameKeyAlternatives } from '../../fixes/renameKey';
import { parseOperator } from '../../reference/operators';
import { nodeRange } from '../../parse/jsonDocument';
import { ConditionKeyEntry, Statement } from '../../parse/policyModel';
import { actionSupports, isContextKey, keyListedByService } from '../../reference/conditionSupport';
import { conditionKeysOf, ConditionKeyInfo, findConditionKey, globalConditionKeys, serviceExists } from '../../reference/iamData';
import { closestMatches, orList } from '../../reference/suggest';
import { Fix } from '../../types';
import { Rule, RuleContext } from '../rule';
import { allResolved, referenceDate, resolvedActions } from './resolve';

interface KeyUse {
  s: Statement;
  c: ConditionKeyEntry;
  key: string;
}

function* keyUses(ctx: RuleContext): Generator<KeyUse> {
  for (const s of ctx.doc.statements) for (const c of s.conditions) yield { s, c, key: c.key.name };
}

const prefixOf = (key: string) => key.slice(0, Math.max(0, key.indexOf(':'))).toLowerCase();

/** Replace the key (its whole token) with `newKey`. */
function keyFixes(text: string, c: ConditionKeyEntry, candidates: string[]): Fix[] {
  return renameKeyAlternatives(text, c.key, candidates, (k) => `Change the key to ${k}`, { caseInsensitive: true });
}

/** The fixed part of a key with a variable (`aws:ResourceTag/${TagKey}` → `aws:ResourceTag`). */
const stem = (key: string) => key.split('/')[0];

export const unknownGlobalConditionKey: Rule = {
  id: 'unknown-global-condition-key',
  scope: 'statement',
  // Not an error: AWS managed policies use legacy keys the reference no longer lists
  // (`aws:PrincipalOrgMasterAccountId`), and new keys appear after the reference was taken.
  defaultSeverity: 'warning',
  category: 'reference',
  title: 'An aws: condition key is not a global condition key.',
  fix: { summary: 'change to the nearest global key (keeps a tag key)', safe: false },
  check(ctx) {
    for (const { c, key } of keyUses(ctx)) {
      if (prefixOf(key) !== 'aws' || findConditionKey(key)) continue;
      // Compare the fixed parts and keep the user's tag key: `aws:ResourceTags/Team` →
      // `aws:ResourceTag/Team`.
      const slash = key.indexOf('/');
      const suffix = slash >= 0 ? key.slice(slash) : '';
      const stems = [...new Set(globalConditionKeys().filter((g) => g.key.includes('/') === (slash >= 0)).map((g) => stem(g.key)))];
      const near = closestMatches(stem(key), stems).map((s) => s + suffix);
      ctx.report({
        message: `${key} is not a global condition key in the AWS reference of ${referenceDate()}. Unless it is newer, a condition on it never matches.${near.length ? ` Did you mean ${orList(near)}?` : ''}`,
        range: nodeRange(c.key.key),
        data: near.length ? { suggestions: near } : undefined,
        fixes: near.length ? keyFixes(ctx.doc.text, c, near) : undefined,
      });
    }
  },
};

export const unknownServiceConditionKey: Rule = {
  id: 'unknown-service-condition-key',
  scope: 'statement',
  // Not an error, for the same reason as unknown-global-condition-key (`lakeformation:GlueARN`).
  defaultSeverity: 'warning',
  category: 'reference',
  title: 'A service condition key is not defined by its service.',
  fix: { summary: 'change to the nearest key of the service', safe: false },
  check(ctx) {
    for (const { c, key } of keyUses(ctx)) {
      const prefix = prefixOf(key);
      // Only prefixes the reference defines keys for; identity-provider keys
      // (`token.actions.githubusercontent.com:sub`) are not in it.
      if (prefix === 'aws' || !serviceExists(prefix) || findConditionKey(key)) continue;
      const names = [...conditionKeysOf(prefix).values()].filter((k) => !k.key.toLowerCase().startsWith('aws:')).map((k) => k.key);
      const near = closestMatches(key, names);
      ctx.report({
        message: `${key} is not a condition key of ${prefix} in the AWS reference of ${referenceDate()}. Unless it is newer, a condition on it never matches.${near.length ? ` Did you mean ${orList(near)}?` : ''}`,
        range: nodeRange(c.key.key),
        data: near.length ? { suggestions: near } : undefined,
        // Keys with a variable part (`s3:ExistingObjectTag/<key>`) are no drop-in replacement.
        fixes: near.some((n) => !/[<$]/.test(n)) ? keyFixes(ctx.doc.text, c, near.filter((n) => !/[<$]/.test(n))) : undefined,
      });
    }
  },
};

interface Support {
  info: ConditionKeyInfo;
  /** Action strings (as written) none of whose actions support the key. */
  unsupported: string[];
  total: number;
}

/** Which of the statement's actions support a known service key; undefined when the check does
 *  not apply (global key, unknown key, NotAction, `*` or an action we cannot resolve), and for keys
 *  whose support the reference cannot tell: request-context keys that every request made with
 *  certain credentials carries, whatever the action, and keys no action of their service lists
 *  (the reference defines them but says nothing of where they apply). */
function support(s: Statement, key: string): Support | undefined {
  if (s.isNotAction || prefixOf(key) === 'aws' || isContextKey(key)) return undefined;
  const info = findConditionKey(key);
  if (info && !keyListedByService(info.key)) return undefined;
  const actions = resolvedActions(s);
  if (!info || !allResolved(actions)) return undefined;
  const unsupported = actions.filter((a) => !a.actions.some((x) => actionSupports(x, info.key, key))).map((a) => a.text);
  return { info, unsupported: [...new Set(unsupported)], total: new Set(actions.map((a) => a.text)).size };
}

const ifExists = (c: ConditionKeyEntry) => parseOperator(c.operator.name)?.ifExists === true;

/** Does some action of the statement belong to the key's own service? Then the reference's
 *  listing is the only evidence that the key does not apply, and the reference is not complete
 *  (aws-marketplace:ProductId works on aws-marketplace:Subscribe, which the reference does not
 *  say): only a suggestion. A key of another service is never in a request for these actions. */
function sameService(s: Statement, key: string): boolean {
  const prefix = prefixOf(key);
  return resolvedActions(s).some((a) => a.parts?.service.toLowerCase() === prefix);
}

/** The statements where no action supports the key, split by how sure that is. */
function unsupportedKey(sameServiceWanted: boolean): Rule['check'] {
  return (ctx) => {
    for (const { s, c, key } of keyUses(ctx)) {
      const sup = support(s, key);
      if (!sup || sup.unsupported.length < sup.total || sameService(s, key) !== sameServiceWanted) continue;
      const message = sameServiceWanted
        ? `The reference lists ${key} for no action of this statement. Unless the service supports it for them anyway, the condition ${ifExists(c) ? 'is ignored' : 'never matches'}: check the service's documentation, or use a key these actions support.`
        : `No action of this statement supports ${key}. ${ifExists(c)
          ? `With ${c.operator.name} the condition is simply ignored for them, which is probably not what you meant`
          : 'The request never carries it for them, so the condition never matches'}. Use a key these actions support, or move the condition to a statement with actions that support it.`;
      ctx.report({ message, range: nodeRange(c.key.key), data: { unsupported: sup.unsupported } });
    }
  };
}

export const conditionKeyNotSupported: Rule = {
  id: 'condition-key-not-supported',
  scope: 'statement',
  defaultSeverity: 'warning',
  category: 'reference',
  title: 'A service condition key of another service, which none of the statement\'s actions supports.',
  check: unsupportedKey(false),
};

export const conditionKeyNotListed: Rule = {
  id: 'condition-key-not-listed',
  scope: 'statement',
  defaultSeverity: 'information',
  category: 'reference',
  title: 'A service condition key the reference lists for none of the statement\'s actions of that service.',
  check: unsupportedKey(true),
};

export const conditionKeyPartlySupported: Rule = {
  id: 'condition-key-partly-supported',
  scope: 'statement',
  defaultSeverity: 'information',
  category: 'reference',
  title: 'A service condition key is supported by only some of the statement\'s actions.',
  check(ctx) {
    for (const { s, c, key } of keyUses(ctx)) {
      const sup = support(s, key);
      if (!sup || !sup.unsupported.length || sup.unsupported.length === sup.total) continue;
      const effect = ifExists(c) ? 'the condition is ignored' : 'the condition never matches';
      ctx.report({
        message: `${key} does not apply to every action of this statement. For ${orList(sup.unsupported, 'and')} ${effect}: consider a separate statement for them.`,
        range: nodeRange(c.key.key),
        data: { unsupported: sup.unsupported },
      });
    }
  },
};

export const conditionKeyRules: Rule[] = [unknownGlobalConditionKey, unknownServiceConditionKey, conditionKeyNotSupported, conditionKeyNotListed, conditionKeyPartlySupported];
