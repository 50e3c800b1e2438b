// The top level of a policy: `Version` (missing, invalid, the 2008 version) and elements IAM does
// not know. Only `Version`, `Id` and `Statement` may appear there.
import { nodeRange } from '../../parse/jsonDocument';
import { PolicyDocument } from '../../parse/policyModel';
import { hasPolicyVariable } from '../../reference/arn';
import { indentAt, lineBreak, replaceValueFix } from '../../fixes/edits';
import { Fix } from '../../types';
import { Rule } from '../rule';
import { judgeKeys, keyRange, openBrace, presentOrMeant, suggestionFor } from './keys';
import { TOP_LEVEL_ELEMENTS } from '../../reference/elements';

export const CURRENT_VERSION = '2012-10-17';
const OLD_VERSION = '2008-10-17';

/** Moving to 2012-10-17 turns `${...}` from literal text into substituted variables: that changes
 *  what the policy matches, so the fix is safe only in a policy without any. */
const versionFixIsSafe = (doc: PolicyDocument) => !hasPolicyVariable(doc.text);

export const versionMissing: Rule = {
  id: 'version-missing',
  defaultSeverity: 'warning',
  category: 'grammar',
  title: 'The policy has no Version element.',
  fix: { summary: 'add "Version": "2012-10-17"', safe: 'when the policy has no policy variables' },
  check({ doc, report }) {
    if (!doc.root || doc.root.type !== 'object' || presentOrMeant(doc.properties, TOP_LEVEL_ELEMENTS, ['Version'])) return;
    const first = doc.properties[0];
    let fixes: Fix[] | undefined;
    if (first) {
      const multiLine = /[\r\n]/.test(doc.text.slice(doc.root.offset, first.node.offset));
      const sep = multiLine ? `,${lineBreak(doc.text)}${indentAt(doc.text, first.node.offset)}` : ', ';
      fixes = [{
        title: `Add "Version": "${CURRENT_VERSION}"`,
        edits: [{ range: { start: first.node.offset, end: first.node.offset }, newText: `"Version": "${CURRENT_VERSION}"${sep}` }],
        isPreferred: true,
        safe: versionFixIsSafe(doc),
      }];
    }
    report({
      message: `The policy has no Version, so IAM applies the old 2008-10-17 grammar. In it policy variables such as \${aws:username} are not substituted. Add "Version": "${CURRENT_VERSION}".`,
      range: openBrace(doc.root),
      fixes,
    });
  },
};

export const versionInvalid: Rule = {
  id: 'version-invalid',
  defaultSeverity: 'error',
  category: 'grammar',
  title: 'Version is neither 2012-10-17 nor 2008-10-17.',
  fix: { summary: 'change the version to "2012-10-17"', safe: 'when the policy has no policy variables' },
  check({ doc, report }) {
    const node = doc.byName.get('Version')?.value;
    if (!node) return;
    if (node.type === 'string' && (node.value === CURRENT_VERSION || node.value === OLD_VERSION)) return;
    const shown = doc.text.slice(node.offset, node.offset + node.length);
    const item = doc.version;
    report({
      message: `Version ${shown} is not a policy language version, and IAM rejects the policy. IAM accepts only the string "${CURRENT_VERSION}" (current) or "${OLD_VERSION}": use "${CURRENT_VERSION}".`,
      range: nodeRange(node),
      fixes: item
        ? [replaceValueFix(`Change the version to "${CURRENT_VERSION}"`, item, CURRENT_VERSION, { safe: versionFixIsSafe(doc) })]
        : [{ title: `Change the version to "${CURRENT_VERSION}"`, edits: [{ range: nodeRange(node), newText: `"${CURRENT_VERSION}"` }], isPreferred: true }],
    });
  },
};

export const versionOutdated: Rule = {
  id: 'version-outdated',
  defaultSeverity: 'information',
  category: 'grammar',
  title: 'Version is the old 2008-10-17.',
  fix: { summary: 'change the version to "2012-10-17"', safe: 'when the policy has no policy variables' },
  check({ doc, report }) {
    const item = doc.version;
    if (!item || item.value !== OLD_VERSION) return;
    report({
      message: `Version "${OLD_VERSION}" is the old policy language. It does not support policy variables (\${...} is matched as literal text). Use "${CURRENT_VERSION}" unless you rely on that.`,
      range: item.range,
      fixes: [replaceValueFix(`Change the version to "${CURRENT_VERSION}"`, item, CURRENT_VERSION, { safe: versionFixIsSafe(doc) })],
    });
  },
};

export const policyUnknownElement: Rule = {
  id: 'policy-unknown-element',
  defaultSeverity: 'error',
  category: 'grammar',
  title: 'A top-level element other than Version, Id and Statement.',
  fix: { summary: 'rename the key to the nearest element, when one is close', safe: 'when only the letter case differs' },
  check({ doc, report }) {
    for (const { prop, verdict } of judgeKeys(doc.properties, TOP_LEVEL_ELEMENTS)) {
      if (verdict.kind !== 'unknown') continue; // case duplicates: duplicate-key-case
      const { hint, fixes } = suggestionFor(prop, verdict, doc.properties);
      report({
        message: `${prop.name} is not a policy element, and IAM rejects the policy. Only Version, Id and Statement are allowed at the top level.${hint || ' Remove it (or move it into a statement).'}`,
        range: keyRange(prop),
        fixes,
      });
    }
  },
};
