// Rules that only host documents need (templates and Terraform files): they read the facts the
// host modules (engine/hosts/) leave on the embedded policy's model.
import { Rule } from '../rule';
import { cfnRefNotArn, yamlSyntax } from './cloudFormation';
import { terraformSyntax, tfRefNotArn } from './terraform';

export const templateRules: Rule[] = [yamlSyntax, cfnRefNotArn, terraformSyntax, tfRefNotArn];
