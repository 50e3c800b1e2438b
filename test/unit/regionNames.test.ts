import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { regionLabel, regionName } from '../../server/src/engine/reference/regionNames';
import { REGIONS } from '../../server/src/engine/reference/regions';
import { CONNECT_REGIONS } from '../../server/src/engine/connect/table';

describe('Region names', () => {
  it('label a Region with its name and code', () => {
    assert.equal(regionLabel('us-east-1'), 'US East (N. Virginia) us-east-1');
    assert.equal(regionLabel('us-gov-west-1'), 'AWS GovCloud (US-West) us-gov-west-1');
  });

  it('name every Region where Amazon Connect runs', () => {
    assert.deepEqual(CONNECT_REGIONS.filter((r) => !regionName(r)), []);
  });

  it('name only known Regions, each name once', () => {
    assert.equal(regionName('us-east-9'), undefined);
    assert.equal(regionLabel('us-east-9'), 'us-east-9');
    const names = REGIONS.map(regionName).filter((n) => n !== undefined);
    assert.equal(new Set(names).size, names.length);
  });
});
