// The benchmark's pure helpers (scripts/bench/): medians and percentiles, the per-KB growth that
// decides "within 2× per KB", the edits the edit figures make, and the CPU time of children read
// from /proc. Nothing here is timed.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { childrenCpuMs, fmtSeconds, median, medianRows, percentile, perKbGrowth, sectionsLine, timeMedian } from '../../scripts/bench/measure';
import { EDIT_WIDTH, editRange, editedText, editToken, MAX_EDITS, middleValue } from '../../scripts/bench/editText';
import { growth, growthRange, QUICK_SIZES, ShapeScaling, SIZES } from '../../scripts/bench/scaling';
import { generatedPolicy } from '../corpus';
import { generatedTemplate } from '../../scripts/bench/template';

describe('bench: medians and percentiles', () => {
  it('median of an odd count is the middle value, whatever the order', () => {
    assert.equal(median([5, 1, 9, 3, 7]), 5);
  });

  it('p99 of 100 samples is the second slowest, so one outlier does not set it', () => {
    const samples = Array.from({ length: 100 }, (_, i) => i + 1);
    assert.equal(percentile(samples, 99), 99);
    assert.equal(percentile(samples, 100), 100);
  });

  it('no samples give NaN, not a number that looks measured', () => {
    assert.ok(Number.isNaN(median([])));
  });
});

describe('bench: rounds of a timed figure', () => {
  // roundMs 0: one call per round, so the counts do not depend on how fast the machine is.
  it('warm-up calls are not samples: 3 warm-up calls and 2 rounds make 5 calls', () => {
    let calls = 0;
    timeMedian(() => calls++, { warmup: 3, minRounds: 2, maxRounds: 2, roundMs: 0 });
    assert.equal(calls, 5);
  });

  it('without a warm-up the first call is the first of the rounds (a 4 MB document is not analysed only to be thrown away)', () => {
    let calls = 0;
    timeMedian(() => calls++, { warmup: 0, minRounds: 3, maxRounds: 3, roundMs: 0 });
    assert.equal(calls, 3);
  });
});

describe('bench: figures of several runs', () => {
  it('each figure is the median over the runs, row by row, in the first run\'s order', () => {
    const row = (doc: string, ratio: number, edited: number) => ({ doc, size: 7, ratio, edited });
    const runs = [
      [row('6 KB', 7.5, 0.6), row('1 MB', 1.4, 50)],
      [row('1 MB', 1.6, 70), row('6 KB', 4.2, 0.4)],
      [row('6 KB', 4.8, 0.5)],
    ];
    assert.deepEqual(medianRows(runs, ['ratio', 'edited']), [row('6 KB', 4.8, 0.5), row('1 MB', 1.4, 50)]);
  });
});

describe('bench: per-KB growth', () => {
  const kb = (k: number) => k * 1024;

  it('linear cost gives 1', () => {
    assert.equal(perKbGrowth([{ bytes: kb(10), ms: 10 }, { bytes: kb(100), ms: 100 }, { bytes: kb(1000), ms: 1000 }]), 1);
  });

  it('quadratic cost gives the size ratio', () => {
    assert.equal(perKbGrowth([{ bytes: kb(10), ms: 1 }, { bytes: kb(100), ms: 100 }]), 10);
  });

  it('a cost high in the middle and low at the end (work that grows until a cap) is caught', () => {
    // The YAML template's shape: 10 KB 1 ms/KB, 118 KB 8.7 ms/KB, 1.2 MB 0.7 ms/KB. Comparing
    // only the ends would give 0.7.
    const points = [{ bytes: kb(10), ms: 10 }, { bytes: kb(118), ms: 118 * 8.7 }, { bytes: kb(1200), ms: 1200 * 0.7 }];
    assert.ok(Math.abs(perKbGrowth(points) - 8.7) < 1e-9);
  });

  it('a falling per-KB cost (fixed costs weigh on the small sizes) is not growth', () => {
    assert.ok(perKbGrowth([{ bytes: kb(10), ms: 20 }, { bytes: kb(100), ms: 100 }, { bytes: kb(1000), ms: 800 }]) < 1);
  });

  it('the order of the points does not matter', () => {
    assert.equal(perKbGrowth([{ bytes: kb(100), ms: 100 }, { bytes: kb(10), ms: 1 }]), 10);
  });

  it('the scaling table judges only the points from 10 KB to 1 MB', () => {
    const point = (target: number, perKb: number) => ({ target, bytes: target, floorMs: 1, analysisMs: (target / 1024) * perKb, findings: 0 });
    // 1 KB is expensive per KB (fixed costs) and 4 MB cheap: neither counts; 100 KB → 1 MB doubles.
    const s: ShapeScaling = { shape: 'ordinary', points: [point(kb(1), 50), point(kb(10), 1), point(kb(100), 1), point(kb(1024), 2), point(kb(4096), 0.1)] };
    assert.equal(growth(s), 2);
  });

  it('sizes measured in rounds are judged by the median round, so one slow minute is not growth', () => {
    const point = (target: number, perKb: number) => ({ target, bytes: target, floorMs: 1, analysisMs: (target / 1024) * perKb, findings: 0 });
    // Medians of the points alone would read 2.5x; within each round but one, the cost is linear.
    const s: ShapeScaling = { shape: 'minified', points: [point(kb(10), 0.4), point(kb(100), 0.6), point(kb(1024), 1)], roundGrowth: [1.1, 3.6, 0.9, 1.2, 1.0] };
    assert.equal(growth(s), 1.1);
    assert.equal(growth({ ...s, roundGrowth: undefined }), 2.5);
  });

  it('the tables name the range judged: to 1 MB in the full bench, to 100 KB with --quick', () => {
    const point = (target: number) => ({ target, bytes: target, floorMs: 1, analysisMs: 1, findings: 0 });
    const full: ShapeScaling = { shape: 'ordinary', points: SIZES.map(point) };
    const quick: ShapeScaling = { shape: 'ordinary', points: QUICK_SIZES.map(point) };
    assert.equal(growthRange([full]), '10 KB → 1.0 MB');
    assert.equal(growthRange([quick]), '10 KB → 100 KB');
  });
});

describe('bench: the edits of the edit figures', () => {
  it('every edit is a text of the same width never used before, and none restores the original', () => {
    const text = generatedPolicy(6 * 1024);
    const at = middleValue(text, '"Sid": "');
    const { start, end } = editRange(at);
    const original = text.slice(start, end);
    const tokens = new Set<string>();
    for (let n = 0; n < 2000; n++) {
      const t = editToken(n);
      assert.equal(t.length, EDIT_WIDTH);
      assert.notEqual(t, original);
      tokens.add(t);
    }
    assert.equal(tokens.size, 2000);
    assert.throws(() => editToken(MAX_EDITS), RangeError);
  });

  it('edits the end of a Sid in the middle of a policy, and the policy stays valid JSON of the same length', () => {
    const text = generatedPolicy(20 * 1024);
    const at = middleValue(text, '"Sid": "');
    assert.ok(at > text.length / 2);
    assert.equal(text[at + 1], '"', 'the value ends after the edited characters');
    const edited = editedText(text, at, 7);
    assert.equal(edited.length, text.length);
    const sids = (JSON.parse(edited).Statement as { Sid: string }[]).map((s) => s.Sid);
    assert.equal(sids.filter((s) => s.endsWith('Z007')).length, 1);
  });

  it('edits an action of a flow sequence in the YAML template, inside the value', () => {
    const text = generatedTemplate(20 * 1024);
    const at = middleValue(text, 'Action: [s3:GetObject, s3:PutObject, ');
    const { start } = editRange(at);
    assert.equal(text.slice(start - 'Action: [s3:GetObject, s3:PutObject, s3:GetO'.length, at + 2), 'Action: [s3:GetObject, s3:PutObject, s3:GetObjet]');
    const edited = editedText(text, at, 0);
    assert.equal(edited.slice(start - 'Action: [s3:GetObject, s3:PutObject, s3:GetO'.length, at + 2), 'Action: [s3:GetObject, s3:PutObject, s3:GetOZ000]');
  });
});

describe('bench: CPU time of ended children', () => {
  it('reads cutime and cstime (fields 16 and 17 of /proc/self/stat), whatever the command name', () => {
    // pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime cutime cstime ...
    const stat = '4242 (node (bench) x) S 1 2 3 0 -1 4194560 100 200 0 0 50 7 1234 66 20 0 1 0';
    assert.equal(childrenCpuMs(stat), (1234 + 66) * 10);
  });

  it('prints each section with its wall and CPU time', () => {
    assert.equal(sectionsLine([{ name: 'CLI', wallMs: 12_345, cpuMs: 9_876 }, { name: 'cold start', wallMs: 1_500, cpuMs: 700 }]), 'CLI 12 s (CPU 9.9 s), cold start 1.5 s (CPU 0.7 s)');
    assert.equal(fmtSeconds(61_000), '61 s');
  });
});
