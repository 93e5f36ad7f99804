import { parentPort, workerData } from 'node:worker_threads';
import { TABLE_NAMES } from './copy-format';
import { SeedGenerator } from './generator';
import type { ChunkMessage } from './chunk-source';

/**
 * Worker thread: generates chunks on request, so generating the next chunk overlaps with
 * PostgreSQL ingesting the current one. Buffers are transferred, not copied.
 */
const { seed } = workerData as { seed: number };
const generator = new SeedGenerator(seed);

parentPort!.on('message', (count: number) => {
  try {
    const rows = generator.nextChunk(count);
    const message: ChunkMessage = { counts: rows.counts, bytes: {} as ChunkMessage['bytes'] };
    const transfer: ArrayBuffer[] = [];
    for (const t of TABLE_NAMES) {
      const b = rows.bytes(t);
      message.bytes[t] = new Uint8Array(b.buffer, b.byteOffset, b.length);
      transfer.push(b.buffer as ArrayBuffer);
    }
    parentPort!.postMessage(message, transfer);
  } catch (err) {
    parentPort!.postMessage({ error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  }
});
