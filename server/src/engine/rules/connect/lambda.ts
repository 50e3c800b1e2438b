// Lambda functions associated with Amazon Connect: Connect does not invoke them through its
// service-linked role; `lambda:AddPermission` adds a resource policy to the function instead
// (seed, Example 2). So the scope of `lambda:AddPermission` is what restricts which functions can
// be associated, and its function ARNs must be right.
import { hostFacts, PolicyDocument, Statement, subRange, ValueItem } from '../../parse/policyModel';
import { arnItems, hasPolicyVariable, hasWildcard, parseArn } from '../../reference/arn';
import { closestMatch } from '../../reference/closest';
import { resourceTypesOf } from '../../reference/iamData';
import { templatePlaceholders } from '../../reference/placeholders';
import { patternCovers, patternsIntersect } from '../../reference/wildcard';
import { replaceInStringFix } from '../../fixes/edits';
import { Rule } from '../rule';
import { addArrayValueEdit } from '../../connect/edits';
import { actionMatches, isAllow } from '../../connect/grants';
import { statementFact } from '../../connect/statementFacts';
import { detach } from '../../memo';

const ADD_PERMISSION = 'lambda:AddPermission';
const ASSOCIATE = 'connect:AssociateLambdaFunction';

/** An unqualified function ARN of a statement: where it is (its index in Resource, the resource
 *  part's offsets in the value) and the function's name. */
interface UnqualifiedArn {
  index: number;
  name: string;
  start: number;
  end: number;
}

/** Does the statement allow connect:AssociateLambdaFunction? (A fact of the statement,
 *  statementFacts.ts.) */
const associatesIn = statementFact((s) => isAllow(s) && !s.isNotAction && s.actions.some((a) => actionMatches(a, ASSOCIATE)));

/** For an Allow statement (Action, Resource) that grants lambda:AddPermission by name or pattern
 *  (`*` alone is left to the allow-all rule): its resources naming every function, the resource
 *  parts of its ARNs and its unqualified functions; null for any other statement. Asked only in a
 *  policy that associates functions. */
const addPermissionFacts = statementFact((s) => {
  if (!isAllow(s) || s.isNotAction || s.isNotResource || !s.actions.some((a) => a.value !== '*' && actionMatches(a, ADD_PERMISSION))) return null;
  const everyFunctionAt: number[] = [];
  const parts: string[] = [];
  const unqualified: UnqualifiedArn[] = [];
  s.resources.forEach((item, index) => {
    if (typeof item.value !== 'string') return;
    if (everyFunction(item.value)) everyFunctionAt.push(index);
    const arn = parseArn(item.value);
    if (!arn) return;
    parts.push(detach(arn.resource.value));
    const m = /^function:([^:]+)$/.exec(arn.resource.value);
    if (arn.service.value !== 'lambda' || !m || hasWildcard(m[1]) || hasPolicyVariable(m[1])) return;
    unqualified.push({ index, name: detach(m[1]), start: arn.resource.start, end: arn.resource.end });
  });
  return { everyFunctionAt, parts, unqualified };
});

const allowsAssociate = (doc: PolicyDocument) => doc.statements.some((s) => associatesIn(doc, s));

/** The AddPermission statements with their facts. */
function addPermissionStatements(doc: PolicyDocument) {
  const out: { s: Statement; facts: NonNullable<ReturnType<typeof addPermissionFacts>> }[] = [];
  for (const s of doc.statements) {
    const facts = addPermissionFacts(doc, s);
    if (facts) out.push({ s, facts });
  }
  return out;
}

/** The value with the characters that stand for template parts (masked as `*`, the same length:
 *  hosts/intrinsics.ts) made literal, so only wildcards written in the text remain wildcards. */
function writtenWildcards(doc: PolicyDocument, item: ValueItem): string {
  const value = String(item.value);
  const facts = hostFacts(item.node);
  if (!facts.masked || facts.contentStart === undefined) return value;
  const written = doc.text.slice(facts.contentStart, facts.contentStart + value.length);
  let out = '';
  for (let j = 0; j < value.length; j++) out += value[j] === '*' && written[j] !== '*' ? 'x' : value[j];
  return out;
}

/** Does the resource name every Lambda function (`*`, `…:function:*`)? */
function everyFunction(resource: string): boolean {
  if (/^\*+$/.test(resource)) return true;
  const arn = parseArn(resource);
  return !!arn && patternCovers(arn.service.value, 'lambda') && patternCovers(arn.resource.value, 'function:*');
}

export const connectLambdaPermissionBroad: Rule = {
  id: 'connect-lambda-permission-broad',
  defaultSeverity: 'warning',
  category: 'connect',
  title: 'lambda:AddPermission is allowed on every Lambda function in a policy that associates functions with Amazon Connect.',
  check({ doc, report }) {
    if (!allowsAssociate(doc)) return;
    for (const { s, facts } of addPermissionStatements(doc)) {
      for (const i of facts.everyFunctionAt) {
        const r = s.resources[i];
        // A template part (`${MyFunction}` of an Fn::Sub) is masked as any value: it names one
        // function, and only the wildcards written in the template count.
        if (!everyFunction(writtenWildcards(doc, r))) continue;
        report({
          message: `${ADD_PERMISSION} is allowed on every function (${String(r.value)}). The caller can associate any function with Amazon Connect and let any principal invoke it; name the functions meant for the instance, such as arn:aws:lambda:us-east-1:111122223333:function:my-contact-flow-function.`,
          range: r.range,
        });
      }
    }
  },
};

let lambdaWords: string[] | undefined;
/** The first words of Lambda resource ARNs (`function`, `layer`, `event-source-mapping`, …), from
 *  the reference's ARN formats. */
function resourceWords(): string[] {
  lambdaWords ??= [...new Set([...resourceTypesOf('lambda').values()].map((rt) => /^[a-z-]+/.exec(parseArn(rt.arn)?.resource.value ?? '')?.[0] ?? '').filter(Boolean))];
  return lambdaWords;
}

export const connectLambdaArnMissingFunction: Rule = {
  id: 'connect-lambda-arn-missing-function',
  scope: 'statement',
  defaultSeverity: 'error',
  category: 'connect',
  title: 'A Lambda function ARN lacks function: before the function name.',
  fix: { summary: 'insert function: into the ARN', safe: true },
  check({ doc, report }) {
    for (const s of doc.statements) {
      for (const { item, arn } of arnItems(s.resources)) {
        const res = arn.resource.value;
        if (arn.service.value !== 'lambda' || res === '' || hasWildcard(res) || hasPolicyVariable(res) || templatePlaceholders(res).length) continue;
        const word = /^[^:/]+/.exec(res)?.[0] ?? '';
        const words = resourceWords();
        // A near miss of a known word (`functions:x`) is a typo, not a missing word.
        if (words.includes(word) || closestMatch(word, words, 2)) continue;
        report({
          message: `${res} has no resource type, so this ARN matches no function. A Lambda function ARN reads ...:function:${res}; insert function: before the name.`,
          range: subRange(item, arn.resource.start, arn.resource.end),
          fixes: [{ ...replaceInStringFix('Insert function:', item, arn.resource.start, arn.resource.start, 'function:'), safe: true }],
        });
      }
    }
  },
};

export const connectLambdaUnqualifiedArn: Rule = {
  id: 'connect-lambda-unqualified-arn',
  defaultSeverity: 'information',
  category: 'connect',
  title: 'lambda:AddPermission names an unqualified function, which does not cover its versions and aliases.',
  fix: { summary: 'also allow the function\'s versions and aliases (the ARN with :*)', safe: false },
  check({ doc, report }) {
    if (!allowsAssociate(doc)) return;
    const statements = addPermissionStatements(doc);
    // Functions some version or alias of which is allowed already: named (`function:x:prod`) in a
    // set, patterns (`function:x*`) indexed by their literal start, so a name meets only the
    // patterns that can match it (a policy with thousands of wildcard resources stays linear).
    // Resource parts are compared apart from the rest: a `*` in the Region or account field would
    // otherwise span into the function name.
    const parts = statements.flatMap(({ facts }) => facts.parts);
    const qualifiedNames = new Set(parts.map((p) => /^function:([^:*?]+):/.exec(p)?.[1]).filter(Boolean));
    const patterns = functionPatterns(parts.filter(hasWildcard));
    const hasQualified = (name: string, own: string) =>
      qualifiedNames.has(name) || patterns.candidates(name).some((g) => g !== own && patternsIntersect(g, `function:${name}:*`));
    for (const { s, facts } of statements) {
      for (const { index, name, start, end } of facts.unqualified) {
        // Some version or alias of it is allowed already (`function:x:prod`, `function:x*`).
        if (hasQualified(name, `function:${name}`)) continue;
        const item = s.resources[index];
        const qualified = `${String(item.value)}:*`;
        const edit = s.resourceProperty ? addArrayValueEdit(doc, s.resourceProperty, qualified) : undefined;
        const nameStart = start + 'function:'.length;
        report({
          message: `function:${name} covers the unqualified function only, not function:${name}:prod or another alias or version. If Connect is to use a qualified ARN, also allow ${qualified} (or write function:${name}*).`,
          range: subRange(item, nameStart, end),
          fixes: edit ? [{ title: `Also allow its versions and aliases (${qualified})`, edits: [edit], isPreferred: true }] : undefined,
        });
      }
    }
  },
};

/** The longest function-name prefix looked up (Lambda names have at most 64 characters). */
const MAX_NAME_PREFIX = 256;

/**
 * Wildcard resource parts by the literal text after `function:` before their first wildcard: a
 * part can match `function:name:*` only if that text is a prefix of the name (a literal must
 * match itself). Parts whose literal start ends inside `function:` (`*`, `func*`) or that hold a
 * policy variable are asked for every name.
 */
function functionPatterns(patterns: readonly string[]): { candidates(name: string): string[] } {
  const byStem = new Map<string, string[]>();
  const always: string[] = [];
  for (const g of patterns) {
    const stem = g.split(/[*?]/)[0];
    if (g.includes('$')) always.push(g);
    else if (stem.startsWith('function:')) {
      const rest = stem.slice('function:'.length);
      const list = byStem.get(rest);
      if (list) list.push(g);
      else byStem.set(rest, [g]);
    } else if ('function:'.startsWith(stem)) always.push(g);
    // Any other literal start (`layer:`, `function-x`) can never match a function ARN's part.
  }
  return {
    candidates(name) {
      const out = [...always];
      for (let i = 0; i <= Math.min(name.length, MAX_NAME_PREFIX); i++) {
        const list = byStem.get(name.slice(0, i));
        if (list) out.push(...list);
      }
      return out;
    },
  };
}

export const lambdaRules: Rule[] = [connectLambdaPermissionBroad, connectLambdaArnMissingFunction, connectLambdaUnqualifiedArn];
