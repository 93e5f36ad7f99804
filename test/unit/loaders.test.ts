import { WaveScheduler } from '../../src/modules/loaders';

// The per-request loaders dispatch in waves: a batch goes out when no other batch is running, with
// everything requested meanwhile, so the number of batches depends on the query's shape, not on timing.

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('WaveScheduler', () => {
  it('holds loads made while a batch runs, and sends everything waiting in one wave when none runs', async () => {
    const { make } = new WaveScheduler();
    const batches: string[][] = [];
    const events: string[] = [];
    let fastStarted!: () => void;
    const fastRunning = new Promise<void>((resolve) => (fastStarted = resolve));
    const parent = make<string, string>(async (keys) => {
      batches.push([...keys]);
      events.push(`start ${keys.join()}`);
      if (keys.includes('fast')) fastStarted();
      await sleep(keys.includes('slow') ? 30 : 5);
      events.push(`end ${keys.join()}`);
      return [...keys];
    });
    const child = make<string, string>(async (keys) => {
      batches.push([...keys]);
      return [...keys];
    });
    // 'slow' is asked for while 'fast' runs, so it waits; it goes out with the child of 'fast' (the
    // next wave), and the child of 'slow' in the wave after that.
    const fast = parent.load('fast').then((p) => child.load(`${p}-child`));
    await fastRunning; // not a timer: under load a timer can fire before the wave is dispatched
    const slow = parent.load('slow').then((p) => child.load(`${p}-child`));
    await Promise.all([fast, slow]);
    expect(batches).toEqual([['fast'], ['slow'], ['fast-child'], ['slow-child']]);
    expect(events).toEqual(['start fast', 'end fast', 'start slow', 'end slow']);
  });

  it('batches every load of one wave, whichever batch of the previous wave returned first', async () => {
    const { make } = new WaveScheduler();
    const batches: string[][] = [];
    const a = make<number, number>(async (keys) => {
      await sleep(20);
      return [...keys];
    });
    const b = make<number, number>(async (keys) => {
      await sleep(1);
      return [...keys];
    });
    const c = make<string, string>(async (keys) => {
      batches.push([...keys]);
      return [...keys];
    });
    await Promise.all([a.load(1).then(() => c.load('after-a')), b.load(2).then(() => c.load('after-b'))]);
    expect(batches.map((b) => [...b].sort())).toEqual([['after-a', 'after-b']]);
  });

  it('refuses a loader used inside another loader’s batch function (it could deadlock the wave)', async () => {
    const { make } = new WaveScheduler();
    const inner = make<string, string>(async (keys) => [...keys]);
    const outer = make<string, string>(async (keys) => Promise.all(keys.map((k) => inner.load(k))));
    await expect(outer.load('x')).rejects.toThrow('must query through the scope');
  });
});
