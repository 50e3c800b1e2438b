// What the instance prompt accepts (the input box validates live with these messages).
import * as assert from 'assert';
import { parseInstanceInput, partitionOfRegion } from '../../../client/src/instanceArn';

describe('instance prompt', () => {
  it('takes partition, Region, account and instance ID from an instance ARN', () => {
    assert.deepStrictEqual(parseInstanceInput(' arn:aws-us-gov:connect:us-gov-west-1:480219637511:instance/6a1b2c3d-1234-4abc-9def-0123456789ab '), {
      kind: 'arn',
      values: { partition: 'aws-us-gov', region: 'us-gov-west-1', account: '480219637511', instanceId: '6a1b2c3d-1234-4abc-9def-0123456789ab' },
    });
  });

  it('accepts a bare instance ID or nothing', () => {
    assert.deepStrictEqual(parseInstanceInput('6a1b2c3d-1234-4abc-9def-0123456789ab'), { kind: 'instanceId', values: { instanceId: '6a1b2c3d-1234-4abc-9def-0123456789ab' } });
    assert.deepStrictEqual(parseInstanceInput('  '), { kind: 'empty', values: {} });
  });

  const rejected: [string, RegExp][] = [
    ['arn:aws:connect:us-east-1:12345:instance/6a1b2c3d-1234-4abc-9def-0123456789ab', /account ID must be 12 digits; "12345"/],
    ['arn:aws:connect:us-east-1:480219637511', /six colon-separated fields/],
    ['arn:aws:lambda:us-east-1:480219637511:function:f', /ARN of "lambda", not of an Amazon Connect instance/],
    ['arn:aws:s3:us-east-1:480219637511:bucket', /ARN of "s3", not of an Amazon Connect instance/],
    ['arn:aws:connect:useast1:480219637511:instance/6a1b2c3d-1234-4abc-9def-0123456789ab', /"useast1" is not a Region code/],
    ['arn:aws:connect:us-east-1:480219637511:instance/abc', /instance ID must be a UUID.*"abc"/],
    ['arn:aws:connect:us-east-1:480219637511:instance/6a1b2c3d-1234-4abc-9def-0123456789ab/queue/q', /points inside the instance \(queue\/q\): give the instance ARN, which ends in instance\/6a1b2c3d/],
    ['arn:aws:connect:us-east-1:480219637511:user/6a1b2c3d', /resource part must be instance\/<instance ID>; "user\/6a1b2c3d"/],
    ['my-instance', /Enter an instance ARN/],
  ];
  for (const [input, message] of rejected) {
    it(`rejects ${input}`, () => {
      const parsed = parseInstanceInput(input);
      assert.strictEqual(parsed.kind, 'error');
      assert.match((parsed as { message: string }).message, message);
    });
  }

  it('derives the partition from the Region', () => {
    assert.deepStrictEqual(['us-east-1', 'us-gov-west-1', 'cn-north-1'].map(partitionOfRegion), ['aws', 'aws-us-gov', 'aws-cn']);
  });
});
