import { analyze } from './server/src/engine';
import * as fs from 'fs';
const text = fs.readFileSync(process.argv[2], 'utf8');
for (const f of analyze(text).findings) console.log(f.severity, f.ruleId, JSON.stringify(text.slice(f.range.start, f.range.end)), '::', f.message.slice(0, 200));
