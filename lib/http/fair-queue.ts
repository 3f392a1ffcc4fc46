/**
 * Work that holds something scarce (an upload's body in memory, a decode) shared fairly between
 * tenants: at most `concurrency` jobs at once and `perKey` of them for one key (a workspace); a job
 * that cannot start waits — at most `waitingPerKey` for one key and `waitingTotal` in all, beyond
 * which it is refused at once — and a freed place goes to the waiting key served longest ago (round
 * robin), so one tenant can neither fill the queue, nor hold every place, nor go first twice.
 */
export type FairQueueOptions = { concurrency: number; perKey: number; waitingPerKey: number; waitingTotal: number };

/** How many keys' last turns are remembered before those of idle keys are forgotten. */
const MAX_REMEMBERED = 10_000;

export class FairQueueFull extends Error {
  constructor(readonly scope: "key" | "total") {
    super(scope === "key" ? "Too many jobs of this tenant are waiting" : "Too many jobs are waiting");
    this.name = "FairQueueFull";
  }
}

export class FairQueue {
  private readonly active = new Map<string, number>();
  private activeTotal = 0;
  /** Waiting jobs per key, in the order the keys first waited. */
  private readonly waiting = new Map<string, (() => void)[]>();
  private waitingTotal = 0;
  /** When each key last started a job (a count of starts): the key served longest ago goes next. */
  private readonly lastServed = new Map<string, number>();
  private starts = 0;

  constructor(readonly options: FairQueueOptions) {}

  /** Runs `work` for `key` when its turn comes; refuses with `FairQueueFull` when too many wait. */
  async run<T>(key: string, work: () => Promise<T>): Promise<T> {
    if (!this.canStart(key)) {
      const queue = this.waiting.get(key) ?? [];
      if (queue.length >= this.options.waitingPerKey) throw new FairQueueFull("key");
      if (this.waitingTotal >= this.options.waitingTotal) throw new FairQueueFull("total");
      await new Promise<void>((resolve) => {
        queue.push(resolve);
        this.waiting.set(key, queue);
        this.waitingTotal++;
      });
    } else this.take(key);
    try {
      return await work();
    } finally {
      this.release(key);
    }
  }

  /** Jobs running and waiting, in all and per key (for tests and the benchmark). */
  state() {
    return {
      active: this.activeTotal,
      waiting: this.waitingTotal,
      byKey: Object.fromEntries(
        [...new Set([...this.active.keys(), ...this.waiting.keys()])].map((k) => [
          k,
          { active: this.active.get(k) ?? 0, waiting: this.waiting.get(k)?.length ?? 0 },
        ]),
      ),
    };
  }

  private canStart(key: string) {
    return this.activeTotal < this.options.concurrency && (this.active.get(key) ?? 0) < this.options.perKey;
  }

  private take(key: string) {
    this.active.set(key, (this.active.get(key) ?? 0) + 1);
    this.activeTotal++;
    this.lastServed.set(key, ++this.starts);
  }

  private release(key: string) {
    const left = (this.active.get(key) ?? 1) - 1;
    if (left > 0) this.active.set(key, left);
    else this.active.delete(key);
    // A key that comes back keeps its place in the turn (one that sends one job at a time must not
    // count as never served); the memory of keys gone idle is dropped only when it grows large.
    if (this.lastServed.size > MAX_REMEMBERED)
      for (const k of this.lastServed.keys())
        if (!this.active.has(k) && !this.waiting.has(k)) this.lastServed.delete(k);
    this.activeTotal--;
    this.dispatch();
  }

  /** Starts waiting jobs while there is room: of the keys that may start one, the one served longest ago. */
  private dispatch() {
    for (;;) {
      let key: string | undefined;
      for (const k of this.waiting.keys())
        if (this.canStart(k) && (key === undefined || (this.lastServed.get(k) ?? 0) < (this.lastServed.get(key) ?? 0)))
          key = k;
      if (key === undefined) return;
      const queue = this.waiting.get(key)!;
      const next = queue.shift()!;
      this.waitingTotal--;
      if (!queue.length) this.waiting.delete(key);
      this.take(key);
      next();
    }
  }
}
