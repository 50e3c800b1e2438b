// Recognising text left over from documentation, snippets and templates: `account-id`,
// `<bucket>`, `{{AccountId}}`, `${InstanceId}`. Such a policy is accepted by IAM but matches
// nothing real. Kept apart from the rules so completion and hover can ask the same questions.
//
// False positives matter more than misses here: a path segment counts as a placeholder only when
// it looks like a *description* of a value (`stream-name`, `my-function`), never just because it
// is an unusual name.
import { variableSpans } from './variables';

/** A span of text inside a string value: [start, end) character indexes. */
export interface TextSpan {
  start: number;
  end: number;
  text: string;
}

/** Template placeholders anywhere in a string: `<...>`, `{{...}}` and `${...}` that is no policy
 *  variable. */
export function templatePlaceholders(text: string): TextSpan[] {
  const out: TextSpan[] = [];
  const re = /\{\{[^{}]+\}\}|<[^<>\s][^<>]*>/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  for (const v of variableSpans(text)) if (v.kind === 'placeholder') out.push(v);
  return out.sort((a, b) => a.start - b.start);
}

export type ArnFieldKind = 'partition' | 'region' | 'account';

/** `ACCOUNT_ID`, `AWS_REGION`: upper-case words joined by underscores (environment-variable
 *  style), which no partition, Region or account ID can be. */
const UPPER_SNAKE = /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$/;

/** Is a whole ARN field (partition, Region or account) a placeholder word? Such fields have a
 *  closed set of valid values, so naming the field itself (`region`, `account-id`,
 *  `YourAccountNumber`) is never a real value. */
export function isFieldPlaceholder(kind: ArnFieldKind, value: string): boolean {
  if (value === '' || value.includes('*') || value.includes('?') || value.includes('$')) return false;
  if (UPPER_SNAKE.test(value)) return true;
  const lower = value.toLowerCase();
  switch (kind) {
    case 'partition':
      return lower.includes('partition');
    case 'region':
      return lower.includes('region');
    case 'account':
      return lower.includes('account') || /^x{12}$/.test(lower);
  }
}

/** Things a resource is, as documentation names them in placeholders. */
const NOUNS = [
  'account', 'instance', 'bucket', 'stream', 'delivery-stream', 'function', 'table', 'queue', 'topic', 'role',
  'user', 'group', 'key', 'kms-key', 'secret', 'resource', 'cluster', 'domain', 'bot', 'alias', 'flow',
  'contact-flow', 'layer', 'repository', 'repo', 'api', 'distribution', 'hosted-zone', 'zone', 'log-group',
  'state-machine', 'parameter', 'vpc', 'subnet', 'volume', 'snapshot', 'image', 'ami', 'certificate',
  'policy', 'db', 'database', 'object', 'prefix', 'folder', 'file', 'stage', 'project', 'job', 'workgroup',
  'catalog', 'endpoint', 'application', 'app', 'service', 'task', 'instance-profile', 'profile',
];
const NOUN = `(?:${NOUNS.join('|')})`;
/** `instance-id`, `s3-bucket-name`, `stream-name`, `lambda-function-arn`: one optional
 *  qualifier word, a resource noun, then id/name/arn. `get-user-by-id` is a real name: no match. */
const DESCRIBED = new RegExp(`^(?:[a-z0-9]+-)?${NOUN}[-_](?:id|name|arn)$`, 'i');
/** `my-function`, `my-bucket`: "my" plus just a noun. `my-connect-recording-bucket` is a real
 *  name: no match. */
const MY_NOUN = new RegExp(`^my[-_]?${NOUN}$`, 'i');
/** `BUCKET_NAME`, `INSTANCE_ID`, `YOUR_TABLE`. */
const UPPER_DESCRIBED = /^(?:[A-Z0-9]+_)*[A-Z0-9]+_(?:ID|NAME|ARN)$|^YOUR_[A-Z0-9_]+$/;

/** Bucket names AWS documentation uses: `amzn-s3-demo-…` (a prefix S3 reserves, so no real bucket
 *  has it) and the older `DOC-EXAMPLE-…` (upper case, which bucket names cannot be). */
const DOC_BUCKET = /^(?:amzn-s3-demo-|DOC-EXAMPLE-)/;

/** Is a path segment of an ARN's resource (`stream-name` in `stream/stream-name`) a placeholder?
 *  `certain`: no real resource can have it (`amzn-s3-demo-…` is reserved by S3); `example`: it
 *  reads like an example (`my-function`, `stream-name`, `TABLE_NAME`) but is a valid name, so it
 *  may be real. camelCase such as `policyName` is left alone: some ARN formats use it literally
 *  (Auto Scaling's `…:policyName/…`). No literal segment of any reference ARN format matches. */
export function pathPlaceholder(segment: string): 'certain' | 'example' | undefined {
  if (segment.length < 3 || /[*?$]/.test(segment)) return undefined;
  if (DOC_BUCKET.test(segment)) return 'certain';
  const example = DESCRIBED.test(segment) || MY_NOUN.test(segment) || UPPER_DESCRIBED.test(segment) || /^your[-_]/i.test(segment);
  return example ? 'example' : undefined;
}

/** Segments of an ARN resource, split at `/` and `:`, with their indexes in `resource`. */
export function pathSegments(resource: string): TextSpan[] {
  const out: TextSpan[] = [];
  const re = /[^/:]+/g;
  for (let m = re.exec(resource); m; m = re.exec(resource)) out.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  return out;
}

/** Account IDs AWS documentation uses in examples. Real test fixtures use them too, so they are a
 *  hint, never an error. */
export const EXAMPLE_ACCOUNTS: ReadonlySet<string> = new Set(['123456789012', '111122223333', '444455556666', '777788889999']);

/** Is a path segment any kind of placeholder (for callers that do not grade them)? */
export function isPathPlaceholder(segment: string): boolean {
  return pathPlaceholder(segment) !== undefined;
}
