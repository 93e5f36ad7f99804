import { fromGlobalId, fromGlobalIdOfType, toGlobalId } from '../../src/shared/global-id';

const uuid = '0e8a4a6c-1c1b-4c2a-9a51-000000000001';

describe('global ids', () => {
  it('round-trips and is opaque (no raw uuid or type name visible)', () => {
    const id = toGlobalId('Household', uuid);
    expect(id).not.toContain(uuid);
    expect(id).not.toContain('Household');
    expect(fromGlobalId(id)).toEqual({ type: 'Household', id: uuid });
    expect(fromGlobalIdOfType(id, 'Household')).toBe(uuid);
  });

  it.each([
    ['garbage', 'not base64 of a node id'],
    [Buffer.from('Household:1').toString('base64url'), 'not a uuid'],
    [Buffer.from(`Person:${uuid}`).toString('base64url'), 'unknown type'],
    [Buffer.from(`Household:${uuid}' or 1=1`).toString('base64url'), 'injection attempt'],
    ['', 'empty'],
  ])('refuses %j (%s) with BAD_USER_INPUT', (id) => {
    expect(() => fromGlobalId(id)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }));
  });

  it('refuses an id of another type where one type is expected', () => {
    expect(() => fromGlobalIdOfType(toGlobalId('Schuld', uuid), 'Household')).toThrow('not the id of a Household');
  });
});
