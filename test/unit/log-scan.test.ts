import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describeFindings, passesElfproef, scanDir, scanText } from '../support/log-scan.cjs';

describe('the BSN scan of the test logs', () => {
  it('knows the 11-proef', () => {
    expect(passesElfproef('999990019')).toBe(true);
    expect(passesElfproef('111222333')).toBe(true);
    expect(passesElfproef('123456789')).toBe(false);
    expect(passesElfproef('000000000')).toBe(false); // sum 0
    expect(passesElfproef('99999001')).toBe(false);
  });

  it('finds a BSN in a line and reports the line number', () => {
    const text = ['{"msg":"ok","time":1718000000000}', '{"msg":"x","subject":"999990019"}', '{"msg":"fine"}'].join('\n');
    expect(scanText(text)).toEqual([2]);
  });

  it('ignores 9-digit numbers failing the 11-proef and digits inside hex ids, hashes or longer numbers', () => {
    const text = [
      '{"n":"123456789"}',
      '{"traceId":"4bf92f3577b34da6a3ce929d0e0e4736","x":"a999990019b"}',
      '{"time":1999990019000}',
      '{"pseudonym":"999990019ff00aa"}',
    ].join('\n');
    expect(scanText(text)).toEqual([]);
  });

  it('scans every file of a folder and describes findings without the number', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'log-scan-'));
    try {
      await writeFile(path.join(dir, 'clean.log'), '{"msg":"nothing"}\n');
      await writeFile(path.join(dir, 'dirty.log'), '{"msg":"a"}\n{"msg":"b"}\n{"bsn":"999990020"}\n');
      const findings = scanDir(dir);
      expect(findings).toEqual([{ file: path.join(dir, 'dirty.log'), lines: [3] }]);
      const message = describeFindings(findings);
      expect(message).toContain('dirty.log: line 3');
      expect(message).not.toContain('999990020');
      expect(scanDir(path.join(dir, 'missing'))).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
