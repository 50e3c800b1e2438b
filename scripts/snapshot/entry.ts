// Experiment (not shipped; docs/performance.md, "Speed round 2"): the CLI in a V8 startup snapshot,
// with the whole AWS reference read and indexed before the snapshot is taken (SNAP_WARM=0: the
// code only). Build and run:
//   node scripts/snapshot/build.mjs          (bundles this file into dist/snapshot-entry.js)
//   cd dist && node --snapshot-blob warm.blob --build-snapshot snapshot-entry.js
//   CONNECT_IAM_LINT_THREADS=1 node --snapshot-blob dist/warm.blob -- --format json <dir>
// One thread: a worker cannot start from the snapshot.
import * as v8 from 'node:v8';
import { runAsCommand } from '../../server/src/cli/main';
import { actionsOf, allResourceTypeFormats, conditionKeysOf, globalConditionKeys, serviceKeys } from '../../server/src/engine/reference/iamData';
import { arnServices } from '../../server/src/engine/reference/resourceMatch';
import { expandActionPattern } from '../../server/src/engine/reference/actions';

if (process.env.SNAP_WARM !== '0') {
  for (const s of serviceKeys()) {
    actionsOf(s);
    allResourceTypeFormats(s);
    conditionKeysOf(s);
    expandActionPattern(s, 'x*'); // sorts the service's names
  }
  globalConditionKeys();
  arnServices();
}
v8.startupSnapshot.setDeserializeMainFunction(() => runAsCommand(process.argv.slice(process.env.SNAP_ARGV_FROM ? +process.env.SNAP_ARGV_FROM : 1)));
