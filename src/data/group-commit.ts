/**
 * Group commit: small writes that many requests make (an access-log row, a rate-limit take) are
 * written together. While one batch is being written, new submissions queue; when it is done, the
 * whole queue goes out as the next batch, in one statement and one transaction. At low load a
 * submission is written at once (after the current tick, so submissions of one tick share a batch);
 * under load the batches grow by themselves, so the cost per request falls as the load rises.
 *
 * Every submitter still waits for its own item to be committed: nothing is acknowledged before it is
 * written (the access log stays "written before the response leaves").
 *
 * If a batch of several items fails, each item is retried on its own, so one bad item fails only
 * its own submitter and not the requests it happened to share a batch with.
 */
export interface GroupCommitOptions {
  /** Most items in one batch (the statement's arrays; default 500). */
  maxBatch?: number;
  /** Batches written at the same time (default 1: the classic group commit). */
  maxConcurrent?: number;
}

interface Pending<I, O> {
  item: I;
  resolve: (value: O) => void;
  reject: (reason: unknown) => void;
}

export class GroupCommit<I, O> {
  private readonly queue: Array<Pending<I, O>> = [];
  private running = 0;
  private scheduled = false;
  private readonly maxBatch: number;
  private readonly maxConcurrent: number;

  /** `write` writes a batch and returns one result per item, in order. */
  constructor(
    private readonly write: (items: I[]) => Promise<O[]>,
    options: GroupCommitOptions = {},
  ) {
    this.maxBatch = options.maxBatch ?? 500;
    this.maxConcurrent = options.maxConcurrent ?? 1;
  }

  /** Items waiting for a batch (for tests and metrics). */
  get waiting(): number {
    return this.queue.length;
  }

  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.running >= this.maxConcurrent) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.pump();
    });
  }

  private pump(): void {
    while (this.running < this.maxConcurrent && this.queue.length > 0) {
      const batch = this.queue.splice(0, this.maxBatch);
      this.running++;
      void this.run(batch).finally(() => {
        this.running--;
        this.pump();
      });
    }
  }

  private async run(batch: Array<Pending<I, O>>): Promise<void> {
    try {
      settle(batch, await this.write(batch.map((p) => p.item)));
    } catch (err) {
      if (batch.length === 1) {
        batch[0].reject(err);
        return;
      }
      // Attribute the failure: every item on its own (sequentially, still one batch slot).
      for (const p of batch) {
        try {
          settle([p], await this.write([p.item]));
        } catch (e) {
          p.reject(e);
        }
      }
    }
  }
}

function settle<I, O>(batch: Array<Pending<I, O>>, results: O[]): void {
  if (results.length !== batch.length) {
    const err = new Error(`group commit: ${results.length} results for ${batch.length} items`);
    for (const p of batch) p.reject(err);
    return;
  }
  batch.forEach((p, i) => p.resolve(results[i]));
}
