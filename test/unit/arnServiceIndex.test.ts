// The stored ARN service-field index (scripts/arnServiceIndex.ts → reference/data/arn-services.json)
// is current, and the profiles read through it are those a scan of every service's resource
// types gives (the engine read all ~450 services' files for the first ARN before).
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import { arnServiceIndexText, OUTPUT } from '../../scripts/arnServiceIndex';
import { allResourceTypeFormats, serviceKeys } from '../../server/src/engine/reference/iamData';
import { parseArn } from '../../server/src/engine/reference/arn';
import { arnServiceProfile, arnServices } from '../../server/src/engine/reference/resourceMatch';

/** Every format of every service, grouped by its literal ARN service field, in the reference's order. */
function scanAll(): Map<string, string[]> {
  const byField = new Map<string, string[]>();
  for (const service of serviceKeys()) {
    for (const rt of allResourceTypeFormats(service)) {
      const field = parseArn(rt.arn)?.service.value;
      if (field === undefined || field.includes('${')) continue;
      byField.set(field, [...(byField.get(field) ?? []), rt.arn]);
    }
  }
  return byField;
}

describe('ARN service-field index', () => {
  it('the committed file is what scripts/arnServiceIndex.ts writes from the installed data', () => {
    assert.ok(fs.readFileSync(OUTPUT, 'utf8') === arnServiceIndexText(), 'server/src/engine/reference/data/arn-services.json is stale: run node --import tsx scripts/arnServiceIndex.ts');
  });

  it('gives every field the formats of a full scan, in the same order, also for fields of other services', () => {
    const expected = scanAll();
    assert.deepEqual(arnServices(), [...expected.keys()]);
    for (const [field, formats] of expected) assert.deepEqual(arnServiceProfile(field)?.formats, formats, field);
    // A field used by another service's resource types (Kafka's cluster ARNs under kafka-cluster).
    const shared = [...expected].find(([field, formats]) => formats.some((f) => !allResourceTypeFormats(field).some((rt) => rt.arn === f)));
    assert.ok(shared, 'some ARN service field is used by the formats of another service');
    assert.equal(arnServiceProfile('no-such-service'), undefined);
    assert.equal(arnServiceProfile('constructor'), undefined);
    assert.equal(arnServiceProfile('__proto__'), undefined);
  });
});
