// Check a peer's P1 aggregates (segment, touchpoint, month, n, n_<metric>,
// pro, det, top2, s_<metric>) against ecx's report CSV (--min-n 1): every
// group and metric must have the same n and the same value to 4 decimals.
//   node compare_p1.mjs PEER.csv ECX_REPORT.csv   -> prints {"checked":N,"mismatches":[...]}
import { readFileSync } from 'node:fs';

const [peerPath, ecxPath] = process.argv.slice(2);
// RFC 4180 fields: quotes around fields, "" for a quote inside.
function parseCsv(text) {
  const rows = [];
  let row = [], field = '', i = 0, quoted = false;
  for (; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field); rows.push(row); row = []; field = '';
    } else field += c;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  return rows;
}
const parse = (p) => parseCsv(readFileSync(p, 'utf8'));
const ecx = new Map();
for (const f of parse(ecxPath).slice(1)) {
  if (f[0] === '*') continue;   // the overall row
  ecx.set(f.slice(0, 4).join('|'), { n: Number(f[4]), v: f[5] === '' ? null : Number(f[5]) });
}
const [head, ...rows] = parse(peerPath);
const col = (r, name) => { const i = head.indexOf(name); return i < 0 || r[i] === '' ? 0 : Number(r[i]); };
const metrics = head.filter((h) => h.startsWith('n_')).map((h) => h.slice(2));
let checked = 0;
const bad = [];
for (const r of rows) {
  const key = [r[0], r[1], r[2]];
  for (const m of metrics) {
    const n = col(r, 'n_' + m);
    if (n === 0) continue;
    const v = m === 'nps' ? 100 * (col(r, 'pro') - col(r, 'det')) / n
      : m === 'csat' ? 100 * col(r, 'top2') / n : col(r, 's_' + m) / n;
    const e = ecx.get([...key, m].join('|'));
    checked++;
    if (!e || e.n !== n || Math.abs(e.v - v) > 6e-5) {
      if (bad.length < 5) bad.push(`${[...key, m].join('|')}: peer n=${n} v=${v.toFixed(4)}, ecx ${e ? `n=${e.n} v=${e.v}` : 'missing'}`);
    }
  }
}
console.log(JSON.stringify({ checked, mismatches: bad }));
process.exit(bad.length || checked === 0 ? 1 : 0);
