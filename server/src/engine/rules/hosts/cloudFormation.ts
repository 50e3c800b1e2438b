// Rules that only CloudFormation, SAM and Serverless templates need. `yaml-syntax` is reported by
// analyzeHost for the whole host (its check has nothing to judge in one policy); `cfn-ref-not-arn`
// reads the template facts the host module leaves on the model (EmbeddedContext, HostNodeFacts).
import { hostFacts } from '../../parse/policyModel';
import { Rule } from '../rule';
import { REF_NOT_ARN } from '../../hosts/returnValues';
import { hostSyntaxRule, NOT_ARN_WHAT, resourceValues } from './ruleParts';

export const yamlSyntax = hostSyntaxRule('yaml-syntax', 'A CloudFormation, SAM or Serverless template is not valid YAML.');

export const cfnRefNotArn: Rule = {
  id: 'cfn-ref-not-arn',
  scope: 'statement',
  defaultSeverity: 'warning',
  category: 'reference',
  title: 'A Resource is a Ref to a template resource whose Ref is a name, URL or ID, not an ARN.',
  fix: { summary: 'use `Fn::GetAtt <resource>.Arn` (written as `!GetAtt` in YAML)', safe: true },
  check({ doc, report }) {
    const embedded = doc.embedded;
    if (!embedded) return;
    for (const node of resourceValues(doc)) {
      const intrinsic = hostFacts(node).intrinsic;
      if (intrinsic?.fn !== 'Ref' || !intrinsic.arg) continue;
      const type = embedded.resourceTypes.get(intrinsic.arg);
      const ret = type ? REF_NOT_ARN[type] : undefined;
      if (!ret) continue;
      const id = intrinsic.arg;
      const getAtt = embedded.syntax === 'yaml' ? `!GetAtt ${id}.${ret.arnAttribute}` : JSON.stringify({ 'Fn::GetAtt': [id, ret.arnAttribute] });
      report({
        message: `Ref ${id} gives ${NOT_ARN_WHAT[ret.ref]} of the ${type} resource, not its ARN, so this Resource matches nothing. Use Fn::GetAtt ${id}.${ret.arnAttribute}.`,
        range: intrinsic.range,
        fixes: [{ title: `Use the ARN: ${getAtt}`, edits: [{ range: intrinsic.range, newText: getAtt }], isPreferred: true, safe: true }],
        data: { resourceType: type, suggestion: getAtt },
      });
    }
  },
};
