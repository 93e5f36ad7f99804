import { GroupCommit } from '../../src/data/group-commit';

/** A write whose batches we can hold open and release, recording what each batch held. */
function controlledWrite() {
  const batches: number[][] = [];
  const gates: Array<() => void> = [];
  const write = async (items: number[]) => {
    batches.push([...items]);
    await new Promise<void>((r) => gates.push(r));
    if (items.includes(13)) throw new Error('thirteen');
    return items.map((i) => i * 10);
  };
  const release = async () => {
    while (gates.length === 0) await new Promise((r) => setImmediate(r));
    gates.shift()!();
    await new Promise((r) => setImmediate(r));
  };
  return { batches, write, release };
}

describe('GroupCommit', () => {
  it('writes submissions of one tick together, and everything queued meanwhile as the next batch', async () => {
    const w = controlledWrite();
    const g = new GroupCommit(w.write);
    const first = [g.submit(1), g.submit(2)];
    await w.release(); // batch [1, 2] is written
    expect(await Promise.all(first)).toEqual([10, 20]);

    const a = g.submit(3);
    await new Promise((r) => setImmediate(r));
    // 3 is being written; 4, 5, 6 arrive meanwhile and wait
    const rest = [g.submit(4), g.submit(5), g.submit(6)];
    expect(g.waiting).toBe(3);
    await w.release();
    expect(await a).toBe(30);
    await w.release();
    expect(await Promise.all(rest)).toEqual([40, 50, 60]);
    expect(w.batches).toEqual([[1, 2], [3], [4, 5, 6]]);
  });

  it('never acknowledges an item before its batch is written', async () => {
    const w = controlledWrite();
    const g = new GroupCommit(w.write);
    let done = false;
    const p = g.submit(7).then(() => (done = true));
    for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
    expect(done).toBe(false);
    await w.release();
    await p;
    expect(done).toBe(true);
  });

  it('splits the queue at maxBatch', async () => {
    const w = controlledWrite();
    const g = new GroupCommit(w.write, { maxBatch: 2 });
    const all = [1, 2, 3, 4, 5].map((i) => g.submit(i));
    for (let i = 0; i < 3; i++) await w.release();
    expect(await Promise.all(all)).toEqual([10, 20, 30, 40, 50]);
    expect(w.batches).toEqual([[1, 2], [3, 4], [5]]);
  });

  it('fails only the bad item of a failed batch: the others are retried on their own and succeed', async () => {
    const w = controlledWrite();
    const g = new GroupCommit(w.write);
    const results = [12, 13, 14].map((i) => g.submit(i).then((v) => ({ v }), (e: Error) => ({ e: e.message })));
    for (let i = 0; i < 4; i++) await w.release();
    expect(await Promise.all(results)).toEqual([{ v: 120 }, { e: 'thirteen' }, { v: 140 }]);
    expect(w.batches).toEqual([[12, 13, 14], [12], [13], [14]]);
  });

  it('rejects every item when the write returns the wrong number of results', async () => {
    const g = new GroupCommit(async (items: number[]) => items.slice(1));
    const r = await Promise.allSettled([g.submit(1), g.submit(2)]);
    expect(r.map((x) => x.status)).toEqual(['rejected', 'rejected']);
  });
});
