// connect-storage-type-unrestricted: storage-config statements without a connect:StorageResourceType
// condition (its values are judged by enumValues.ts, with connect:AttributeType).
import { PolicyDocument } from '../../parse/policyModel';
import { Rule } from '../rule';
import { addConditionEdit } from '../../connect/edits';
import { actionMatches, grants, storageStatements } from '../../connect/grants';
import { STORAGE_KINDS, STORAGE_RESOURCE_TYPE_KEY, STORAGE_TYPE_ACTIONS } from '../../connect/table';

/** The storage types the document's companion permissions point at, for the condition a fix
 *  adds: S3 permissions → `CALL_RECORDINGS`, Kinesis or Firehose → `CONTACT_TRACE_RECORDS`. */
function suggestedTypes(doc: PolicyDocument): string[] {
  const has = (kind: keyof typeof STORAGE_KINDS) =>
    STORAGE_KINDS[kind].companions.filter((c) => c.resource !== 'serviceLinkedRole').every((c) => grants(doc, c));
  const out: string[] = [];
  if (has('S3')) out.push('CALL_RECORDINGS');
  if (has('KINESIS_STREAM') || has('KINESIS_FIREHOSE')) out.push('CONTACT_TRACE_RECORDS');
  return out.length ? out : ['CALL_RECORDINGS'];
}

export const connectStorageTypeUnrestricted: Rule = {
  id: 'connect-storage-type-unrestricted',
  defaultSeverity: 'information',
  category: 'connect',
  title: 'Instance storage can be associated or updated for any storage resource type.',
  fix: { summary: 'add a connect:StorageResourceType condition allowing only the storage types the policy grants', safe: false },
  check({ doc, report }) {
    for (const { s, actions, allowed } of storageStatements(doc)) {
      if (allowed.kind !== 'none') continue;
      const types = suggestedTypes(doc);
      // The condition would stop the statement's other actions from applying: no fix then.
      const onlyStorage = s.actions.every((a) => STORAGE_TYPE_ACTIONS.some((x) => actionMatches(a, x))
        && /storageconfig/i.test(String(a.value)) && !actionMatches(a, 'connect:ListInstanceStorageConfigs'));
      const edit = onlyStorage ? addConditionEdit(doc, s, 'StringEquals', STORAGE_RESOURCE_TYPE_KEY, types) : undefined;
      report({
        message: `${actions[0].value} is allowed without a ${STORAGE_RESOURCE_TYPE_KEY} condition. The caller can associate any kind of storage (any bucket or stream they can reach) for any data; limit it to the types you use, for example ${types.join(' and ')}.`,
        range: actions[0].range,
        fixes: edit ? [{ title: `Allow only ${types.join(', ')}`, edits: [edit], isPreferred: true }] : undefined,
      });
    }
  },
};

export const storageTypeRules: Rule[] = [connectStorageTypeUnrestricted];
