const picomatch = require('picomatch');
const [p, s, noext] = [process.argv[2], process.argv[3], process.argv[4] === '1'];
const m = picomatch(p, { dot: true, noextglob: noext });
const st = performance.now(); const r = m(s);
console.log(p.slice(0, 40), s.length, noext, r, (performance.now() - st).toFixed(1) + 'ms');
