// The "no BSN in logs" check of the test run (global-teardown.mjs) as plain CommonJS, so jest's
// teardown (ESM) and a unit test (TypeScript) use the same code.
'use strict';
const { readdirSync, readFileSync } = require('node:fs');
const path = require('node:path');

/** Nine digits not glued to other letters or digits (hex trace ids and hashes are not BSNs). */
const CANDIDATE = /(?<![0-9A-Za-z])\d{9}(?![0-9A-Za-z])/g;

// The project's own 11-proef (compiled: `npm test` builds first), so there is one implementation.
const { isValidBsn } = require('../../dist/src/shared/bsn.js');

/** The 11-proef of a BSN: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 is divisible by 11 (and not 0). */
function passesElfproef(digits) {
  return isValidBsn(digits);
}

/** Findings in one text: line numbers (1-based) with a BSN-like number; never the number itself. */
function scanText(text) {
  const lines = [];
  text.split('\n').forEach((line, i) => {
    for (const m of line.matchAll(CANDIDATE)) {
      if (passesElfproef(m[0])) {
        lines.push(i + 1);
        break;
      }
    }
  });
  return lines;
}

/** Every file of a directory: [{ file, lines }] for each file with at least one finding. */
function scanDir(dir) {
  let names;
  try {
    names = readdirSync(dir);
  } catch (err) {
    if (err && err.code === 'ENOENT') return [];
    throw err;
  }
  const findings = [];
  for (const name of names.sort()) {
    const file = path.join(dir, name);
    const lines = scanText(readFileSync(file, 'utf8'));
    if (lines.length) findings.push({ file, lines });
  }
  return findings;
}

/** The failure message for findings (file and line numbers only). */
function describeFindings(findings) {
  return (
    'a BSN (a 9-digit number passing the 11-proef) was logged:\n' +
    findings.map((f) => `  ${f.file}: line${f.lines.length > 1 ? 's' : ''} ${f.lines.slice(0, 20).join(', ')}${f.lines.length > 20 ? ', …' : ''}`).join('\n')
  );
}

module.exports = { passesElfproef, scanText, scanDir, describeFindings };
