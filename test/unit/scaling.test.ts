// Work that must grow linearly with the document, counted (never timed): each test builds the
// same shape at two sizes, counts the comparisons the rules make, and requires the count to grow
// no faster than the document (a generous 2× margin over linear; quadratic work would grow by
// the square of the size ratio). The shapes are the ones that were quadratic before (issue 13).
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { analyze } from '../../server/src/engine';
import { MAX_DENIES_PER_ALLOW, overlapWork } from '../../server/src/engine/rules/deny/overlap';
import { matchWork } from '../../server/src/engine/reference/wildcard';
import { findingsOf, policy } from '../helpers';
import { coverageWork, wildcardOnlyWork } from '../../server/src/engine/rules/reference/coverage';
import { arrayEditWork } from '../../server/src/engine/rules/security/arrayEdits';
import { redundantWork } from '../../server/src/engine/rules/reference/redundant';
import { actionsOf, serviceKeys } from '../../server/src/engine/reference/iamData';
import { actionResourceTypes, wildcardOnlyMayAccept } from '../../server/src/engine/reference/resourceMatch';
import { applyEdits, parseTree } from 'jsonc-parser';

const SIZE_RATIO = 4;
/** Linear work grows by SIZE_RATIO; quadratic by SIZE_RATIO², here 16. */
const LIMIT = SIZE_RATIO * 2;

/** How much `counter()` grows while `run()` runs. */
function countOf(counter: () => number, run: () => unknown): number {
  const before = counter();
  run();
  return counter() - before;
}

/** One statement with `n` S3 actions, one S3 object ARN and `n` DynamoDB table ARNs: no action
 *  applies to the tables. The coverage rules compared every action with every resource. */
function manyActionsManyResources(n: number): string {
  const actions = ['s3:GetObject', 's3:PutObject', 's3:DeleteObject', 's3:GetObjectTagging', 's3:PutObjectTagging', 's3:GetObjectVersion'];
  const action = Array.from({ length: n }, (_, i) => actions[i % actions.length]);
  const resource = ['arn:aws:s3:::bucket/*', ...Array.from({ length: n }, (_, i) => `arn:aws:dynamodb:us-east-1:123456789012:table/table-${i}`)];
  return policy({ Effect: 'Allow', Action: action, Resource: resource });
}

describe('linear work on shapes that were quadratic', () => {
  it('many actions × many resources in one statement: ARN-format comparisons grow with the statement, not with actions × resources', () => {
    const counter = () => matchWork.formatComparisons;
    analyze(manyActionsManyResources(50)); // the reference data and memo tables, once
    const small = countOf(counter, () => analyze(manyActionsManyResources(200)));
    const large = countOf(counter, () => analyze(manyActionsManyResources(200 * SIZE_RATIO)));
    assert.ok(small > 0, 'the coverage rules compare ARNs with formats');
    assert.ok(large <= small * LIMIT, `comparisons grew ${(large / small).toFixed(1)}× for ${SIZE_RATIO}× the size`);
  });

  it('Lambda functions beside many wildcard resources: the versions-and-aliases check meets only patterns that can match a function', () => {
    // Each concrete function is checked for a pattern that already allows its versions; every
    // wildcard resource of the policy was compared with every function.
    const doc = (n: number) => policy(
      { Effect: 'Allow', Action: 'connect:AssociateLambdaFunction', Resource: 'arn:aws:connect:us-east-1:123456789012:instance/a1b2c3d4-5678-90ab-cdef-111122223333' },
      {
        Effect: 'Allow',
        Action: 'lambda:AddPermission',
        Resource: [
          ...Array.from({ length: n }, (_, i) => `arn:aws:lambda:us-east-1:123456789012:function:flow-${i}`),
          ...Array.from({ length: n }, (_, i) => `arn:aws:lambda:us-east-1:123456789012:layer:shared-${i}*`),
          'arn:aws:lambda:us-east-1:123456789012:function:flow-7*',
        ],
      },
    );
    const counter = () => matchWork.intersections;
    analyze(doc(20));
    const small = countOf(counter, () => analyze(doc(100)));
    const large = countOf(counter, () => analyze(doc(100 * SIZE_RATIO)));
    assert.ok(large <= small * LIMIT, `intersections grew ${(large / small).toFixed(1)}× for ${SIZE_RATIO}× the size`);
    // flow-7 (and flow-70…79) are covered by flow-7*: only the others are reported.
    const names = findingsOf(doc(100), 'connect-lambda-unqualified-arn').map((f) => /function:(flow-\d+)/.exec(f.message)?.[1]);
    assert.equal(names.length, 89);
    assert.ok(!names.includes('flow-7') && !names.includes('flow-75') && names.includes('flow-8'));
  });

  it('still reports the resource no action of such a statement can be used on', () => {
    const text = policy({ Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: ['arn:aws:s3:::b/*', 'arn:aws:dynamodb:us-east-1:123456789012:table/t'] });
    const [f] = findingsOf(text, 'resource-not-applicable');
    assert.equal(text.slice(f.range.start, f.range.end), '"arn:aws:dynamodb:us-east-1:123456789012:table/t"');
  });

  it('Allows and Denies of different actions of one service: (Allow, Deny) pairs compared grow linearly', () => {
    // Each Allow reads its own bucket, each Deny forbids deleting another: same service, no shared
    // action, so no pair can overlap. Indexed by service alone, every Allow met every Deny.
    const doc = (n: number) => policy(...Array.from({ length: n }, (_, i) => [
      { Sid: `Read${i}`, Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket'], Resource: [`arn:aws:s3:::read-${i}`, `arn:aws:s3:::read-${i}/*`] },
      { Sid: `NoDelete${i}`, Effect: 'Deny', Action: ['s3:DeleteBucket', 's3:DeleteObject*'], Resource: `arn:aws:s3:::keep-${i}*` },
    ]).flat());
    const counter = () => overlapWork.pairs;
    const small = countOf(counter, () => analyze(doc(40)));
    const large = countOf(counter, () => analyze(doc(40 * SIZE_RATIO)));
    assert.ok(large <= Math.max(small, 1) * LIMIT, `pairs grew from ${small} to ${large} for ${SIZE_RATIO}× the size`);
  });

  it('the Deny index still finds a Deny that covers an Allow through a shared action', () => {
    const text = policy(
      { Sid: 'Read', Effect: 'Allow', Action: ['s3:GetObject'], Resource: 'arn:aws:s3:::b/*' },
      { Sid: 'Other', Effect: 'Deny', Action: ['s3:DeleteBucket'], Resource: '*' },
      { Sid: 'NoGets', Effect: 'Deny', Action: ['s3:Get*'], Resource: '*' },
    );
    const [f] = findingsOf(text, 'allow-overridden-by-deny');
    assert.match(f.message, /"Read".*"NoGets"/);
  });

  it('an Allow action the reference does not know still meets a Deny of its service by text', () => {
    const text = policy(
      { Sid: 'Odd', Effect: 'Allow', Action: ['s3:GetObjectNotInTheReference'], Resource: 'arn:aws:s3:::b/*' },
      { Sid: 'NoGets', Effect: 'Deny', Action: ['s3:Get*'], Resource: '*' },
    );
    assert.match(findingsOf(text, 'allow-overridden-by-deny')[0].message, /"Odd".*"NoGets"/);
  });
});

describe('Deny statements that meet every Allow', () => {
  it('"deny everything but" statements: pairs compared per Allow are bounded, so the work grows linearly', () => {
    const doc = (n: number) => policy(...Array.from({ length: n }, (_, i) => [
      { Sid: `Read${i}`, Effect: 'Allow', Action: ['s3:GetObject'], Resource: `arn:aws:s3:::read-${i}/*` },
      { Sid: `OnlyS3${i}`, Effect: 'Deny', NotAction: ['s3:*', `sqs:SendMessage`], Resource: '*', Condition: { StringNotEquals: { 'aws:RequestedRegion': `eu-west-${(i % 3) + 1}` } } },
    ]).flat());
    const counter = () => overlapWork.pairs;
    const small = countOf(counter, () => analyze(doc(60)));
    const large = countOf(counter, () => analyze(doc(60 * SIZE_RATIO)));
    assert.ok(large <= small * LIMIT, `pairs grew from ${small} to ${large} for ${SIZE_RATIO}× the size`);
  });
});

describe('the bound on Denies per Allow', () => {
  it('says "at least" when an Allow meets more Denies than are compared', () => {
    const denies = Array.from({ length: MAX_DENIES_PER_ALLOW + 10 }, (_, i) => ({ Sid: `D${i}`, Effect: 'Deny', NotAction: `sqs:Action${i}`, Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }));
    const text = policy({ Sid: 'Read', Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }, ...denies);
    const summary = findingsOf(text, 'allow-partly-overridden-by-deny').filter((f) => /more Deny statements/.test(f.message));
    assert.equal(summary.length, 1);
    assert.match(summary[0].message, new RegExp(`^At least ${MAX_DENIES_PER_ALLOW - 5} more Deny statements override parts of this Allow\\.`));
  });
});

/** Actions without resource types ("Resource": "*" only), one per service, in a fixed order. */
function wildcardOnlyActions(): { name: string; service: string }[] {
  const out: { name: string; service: string }[] = [];
  for (const service of [...serviceKeys()].sort()) {
    for (const [, action] of actionsOf(service)) {
      if (!actionResourceTypes(action).length) {
        out.push({ name: `${service}:${action.name}`, service });
        break;
      }
    }
  }
  return out;
}

/** One statement with `n` wildcard-only actions (of `n` services when the reference has that
 *  many, cycling with other actions of theirs after that) and `n` resources: S3 object patterns
 *  (which may accept S3's wildcard-only actions) and DynamoDB tables. Every other action gets a
 *  finding with a fix. */
function wildcardOnlyStatement(n: number, minified = false): { text: string; actions: string[]; resources: string[] } {
  const all = wildcardOnlyActions();
  const actions = Array.from({ length: n }, (_, i) => all[i % all.length].name + (i >= all.length ? `*${i}` : ''));
  const resources = Array.from({ length: n }, (_, i) => (i % 2 ? `arn:aws:s3:::bucket-${i}/*` : `arn:aws:dynamodb:us-east-1:123456789012:table/t${i}`));
  const doc = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: actions, Resource: resources }] };
  return { text: minified ? JSON.stringify(doc) : JSON.stringify(doc, null, 2), actions, resources };
}

describe('action-needs-wildcard-resource on a statement with thousands of actions', () => {
  const RULE = 'action-needs-wildcard-resource';

  it('reads the resources once per statement and indexes the Action array once: work grows linearly', () => {
    const counter = () => wildcardOnlyWork.comparisons + arrayEditWork.indexed;
    const n = Math.min(100, Math.floor(wildcardOnlyActions().length / SIZE_RATIO));
    analyze(wildcardOnlyStatement(20).text);
    const small = countOf(counter, () => analyze(wildcardOnlyStatement(n).text));
    const large = countOf(counter, () => analyze(wildcardOnlyStatement(n * SIZE_RATIO).text));
    assert.ok(small > 0, 'the rule reads the resources');
    assert.ok(large <= small * LIMIT, `work grew ${(large / small).toFixed(1)}× for ${SIZE_RATIO}× the size`);
  });

  for (const minified of [false, true]) {
    it(`finds exactly the actions no resource accepts, each with a fix that moves it (${minified ? 'minified' : 'pretty-printed'})`, () => {
      const { text, actions, resources } = wildcardOnlyStatement(300, minified);
      const tree = parseTree(text)!;
      const actionNodes = tree.children![1].children![1].children![0].children!.find((p) => p.children![0].value === 'Action')!.children![1].children!;
      // The straightforward reference: every action asked about every resource.
      const expected = actions.flatMap((name, i) => {
        const [service, action] = name.split(':');
        const info = actionsOf(service).get(action.toLowerCase()) ?? [...actionsOf(service).values()].find((a) => a.name === action);
        if (!info || resources.some((r) => wildcardOnlyMayAccept(info, r))) return [];
        return [i];
      });
      const found = findingsOf(text, RULE);
      assert.ok(expected.length > 200, `most actions need "Resource": "*" (${expected.length})`);
      assert.deepEqual(found.map((f) => text.slice(f.range.start, f.range.end)), expected.map((i) => JSON.stringify(actions[i])));
      for (const [k, f] of found.entries()) {
        const i = expected[k];
        const node = actionNodes[i];
        // Removal with the comma that follows (the last element: with the one before it).
        const remove = i < actionNodes.length - 1
          ? { start: node.offset, end: actionNodes[i + 1].offset }
          : { start: actionNodes[i - 1].offset + actionNodes[i - 1].length, end: node.offset + node.length };
        const [removeEdit, ...add] = f.fixes![0].edits;
        assert.deepEqual(removeEdit, { range: remove, newText: '' });
        if (k % 50 !== 0 && k !== found.length - 1) continue;
        const fixed = JSON.parse(applyEdits(text, [removeEdit, ...add].map((e) => ({ offset: e.range.start, length: e.range.end - e.range.start, content: e.newText }))));
        assert.deepEqual(fixed.Statement[1], { Effect: 'Allow', Action: actions[i], Resource: '*' });
        assert.equal(fixed.Statement[0].Action.length, actions.length - 1);
        assert.equal(fixed.Statement[0].Action.includes(actions[i]), false);
      }
    });
  }
});

describe('first-sight work of the reference checks, shared and memoised', () => {
  /** `n` statements (distinct Sids, so each is analysed) naming the same EC2 instance ARN. */
  const sameArn = (sids: string[]) => policy(...sids.map((Sid) => ({ Sid, Effect: 'Allow', Action: 'ec2:StartInstances', Resource: 'arn:aws:ec2:us-east-1:123456789012:instance/i-1' })));

  it('the three coverage rules share one coverage computation per statement', () => {
    const sids = ['One', 'Two', 'Three', 'Four', 'Five'];
    const computed = countOf(() => coverageWork.statements, () => analyze(sameArn(sids)));
    assert.equal(computed, sids.length, 'one per statement, not one per rule');
  });

  it('an ARN seen before is not compared with every format of its service again', () => {
    analyze(sameArn(['First'])); // its first sight: compared with EC2's formats (over a hundred)
    const again = countOf(() => matchWork.formatComparisons, () => analyze(sameArn(['Second', 'Third', 'Fourth', 'Fifth'])));
    // Left: the coverage questions of each statement (does the instance type fit the ARN?).
    assert.ok(again <= 4 * 4, `${again} format comparisons for 4 statements of a known ARN`);
  });
});

describe('redundant entries of a long Action list', () => {
  /** `n` wildcard patterns (`ec2:Describe0X*`, …) and `n` concrete actions, each under one of them. */
  const longList = (n: number) => {
    const action: string[] = [];
    for (let i = 0; i < n; i++) action.push(`ec2:Describe${i}X*`, `ec2:Describe${i}XInstances`);
    return policy({ Effect: 'Allow', Action: action, Resource: '*' });
  };

  it('weighs only the patterns that begin each value: work grows with the list, not with values × patterns', () => {
    const counter = () => redundantWork.candidates;
    const small = countOf(counter, () => analyze(longList(100)));
    const large = countOf(counter, () => analyze(longList(100 * SIZE_RATIO)));
    assert.ok(small > 0, 'the patterns were weighed');
    assert.ok(large <= small * LIMIT, `${small} → ${large} candidates for a list ${SIZE_RATIO}× as long`);
  });

  it('still finds each concrete action under its own pattern', () => {
    const found = findingsOf(longList(20), 'action-redundant');
    assert.equal(found.length, 20);
    assert.match(found[0].message, /^ec2:Describe0XInstances is redundant\. ec2:Describe0X\* already covers it/);
  });
});
