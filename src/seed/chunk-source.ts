import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { TABLE_NAMES, type TableName } from './copy-format';
import { SeedGenerator } from './generator';

export interface Chunk {
  households: number;
  counts: Record<TableName, number>;
  bytes(table: TableName): Buffer;
}

/** What the worker sends for one chunk. */
export interface ChunkMessage {
  counts: Record<TableName, number>;
  bytes: Record<TableName, Uint8Array>;
}

/**
 * The chunks of a seed run, in order. From the compiled build the generator runs in a worker
 * thread, one chunk ahead of the loader (at most two chunks in memory); from TypeScript sources
 * (jest) it runs inline. Both produce the same bytes.
 */
export async function* chunks(seed: number, households: number, chunkSize: number): AsyncGenerator<Chunk> {
  const sizes: number[] = [];
  for (let done = 0; done < households; done += chunkSize) sizes.push(Math.min(chunkSize, households - done));

  const workerFile = path.join(__dirname, 'generator.worker.js');
  if (!__filename.endsWith('.js') || !existsSync(workerFile)) {
    const generator = new SeedGenerator(seed);
    for (const size of sizes) {
      const rows = generator.nextChunk(size);
      yield { households: size, counts: rows.counts, bytes: (t) => rows.bytes(t) };
    }
    return;
  }

  const worker = new Worker(workerFile, { workerData: { seed } });
  let failure: Error | null = null;
  const pending: { resolve: (m: ChunkMessage) => void; reject: (e: Error) => void }[] = [];
  worker.on('message', (m: ChunkMessage | { error: string }) => {
    const p = pending.shift();
    if ('error' in m) p?.reject(new Error(`seed generator failed: ${m.error}`));
    else p?.resolve(m);
  });
  worker.on('error', (err) => {
    failure = err;
    for (const p of pending.splice(0)) p.reject(err);
  });
  const request = (size: number) => {
    const p = new Promise<ChunkMessage>((resolve, reject) => {
      if (failure) return reject(failure);
      pending.push({ resolve, reject });
      worker.postMessage(size);
    });
    p.catch(() => undefined); // a prefetched chunk may never be awaited when the load fails
    return p;
  };

  try {
    let next = sizes.length > 0 ? request(sizes[0]) : null;
    for (let i = 0; i < sizes.length; i++) {
      const m = await next!;
      next = i + 1 < sizes.length ? request(sizes[i + 1]) : null;
      const bytes = {} as Record<TableName, Buffer>;
      for (const t of TABLE_NAMES) bytes[t] = Buffer.from(m.bytes[t].buffer, m.bytes[t].byteOffset, m.bytes[t].byteLength);
      yield { households: sizes[i], counts: m.counts, bytes: (t) => bytes[t] };
    }
  } finally {
    await worker.terminate();
  }
}
