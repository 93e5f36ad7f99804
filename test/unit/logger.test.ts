import { Writable } from 'node:stream';
import { createLogger, maskBsns } from '../../src/server/logger';

function capture() {
  const lines: string[] = [];
  const logger = createLogger('info', new Writable({ write: (chunk, _enc, cb) => (lines.push(String(chunk)), cb()) }));
  return { logger, text: () => lines.join('') };
}

describe('logging never carries a BSN or a token', () => {
  it('masks 9-digit runs in logged errors, e.g. SQL quoted with its parameters', () => {
    const { logger, text } = capture();
    logger.error({ err: new Error("select ... where p.bsn = '999990019' - timeout") }, 'query failed');
    expect(text()).not.toContain('999990019');
    expect(text()).toContain('*********');
  });

  it('redacts authorization headers, tokens, bsn fields and GraphQL variables by path', () => {
    const { logger, text } = capture();
    logger.info({ headers: { authorization: 'Bearer abc.def.ghi' }, token: 'abc.def.ghi', bsn: '999990019', variables: { bsn: '999990020' } }, 'x');
    expect(text()).not.toMatch(/abc\.def\.ghi|999990019|999990020/);
  });

  it('masks standalone 9-digit runs but leaves longer numbers alone', () => {
    expect(maskBsns('bsn 999990019, id 1234567890123')).toBe('bsn *********, id 1234567890123');
  });
});
