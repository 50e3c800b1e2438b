#!/usr/bin/env node
// Placeholder entry, replaced by the full CLI (see issue "engine part 1").
import * as fs from 'fs';
import { analyze } from '../engine';
for (const f of process.argv.slice(2)) console.log(f, analyze(fs.readFileSync(f, 'utf8')).findings.length);
