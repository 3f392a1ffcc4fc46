import { describe, expect, it } from "vitest";
import { FairQueue, FairQueueFull } from "./fair-queue";

/** A job that runs until the test says so, recording when it started. */
function gate() {
  let open!: () => void;
  const done = new Promise<void>((resolve) => (open = resolve));
  return { done, open };
}

describe("a fair queue", () => {
  it("gives a freed place to the tenants in turn: one tenant's backlog never goes first", async () => {
    const queue = new FairQueue({ concurrency: 1, perKey: 1, waitingPerKey: 8, waitingTotal: 32 });
    const started: string[] = [];
    const gates = new Map<string, ReturnType<typeof gate>>();
    const job = (key: string, name: string) => {
      const g = gate();
      gates.set(name, g);
      return queue.run(key, async () => {
        started.push(name);
        await g.done;
      });
    };
    const jobs = [job("a", "a1"), job("a", "a2"), job("a", "a3"), job("b", "b1"), job("c", "c1"), job("b", "b2")];
    for (const name of ["a1", "b1", "c1", "a2", "b2", "a3"]) {
      await expect.poll(() => started.at(-1)).toBe(name);
      gates.get(name)!.open();
    }
    await Promise.all(jobs);
    expect(started).toEqual(["a1", "b1", "c1", "a2", "b2", "a3"]);
    expect(queue.state()).toEqual({ active: 0, waiting: 0, byKey: {} });
  });

  it("a tenant that sends one job at a time, the next as soon as the last ends, still waits its turn", async () => {
    const queue = new FairQueue({ concurrency: 1, perKey: 1, waitingPerKey: 8, waitingTotal: 32 });
    const started: string[] = [];
    const gates = new Map<string, ReturnType<typeof gate>>();
    const jobs: Promise<void>[] = [];
    const job = (key: string, name: string) => {
      const g = gate();
      gates.set(name, g);
      jobs.push(
        queue.run(key, async () => {
          started.push(name);
          await g.done;
        }),
      );
    };
    const finish = async (name: string) => {
      await expect.poll(() => started.at(-1)).toBe(name);
      gates.get(name)!.open();
    };
    job("b", "b1");
    job("c", "c1");
    job("a", "a1");
    await finish("b1");
    job("b", "b2");
    await finish("c1");
    job("c", "c2");
    await finish("a1");
    await expect.poll(() => started.at(-1)).toBe("b2");
    // A comes back at once, after B and C were served before it: it goes after them again.
    job("a", "a2");
    await finish("b2");
    await finish("c2");
    await finish("a2");
    await Promise.all(jobs);
    expect(started).toEqual(["b1", "c1", "a1", "b2", "c2", "a2"]);
  });

  it("holds at most perKey places for one tenant: another tenant starts at once", async () => {
    const queue = new FairQueue({ concurrency: 4, perKey: 1, waitingPerKey: 8, waitingTotal: 32 });
    const slow = gate();
    const held = queue.run("a", () => slow.done);
    const second = queue.run("a", async () => "a2");
    expect(await queue.run("b", async () => "b1")).toBe("b1");
    expect(queue.state().byKey.a).toEqual({ active: 1, waiting: 1 });
    slow.open();
    expect(await second).toBe("a2");
    await held;
  });

  it("refuses at once past a tenant's share of the waiting room, and past the room itself", async () => {
    const queue = new FairQueue({ concurrency: 1, perKey: 1, waitingPerKey: 2, waitingTotal: 3 });
    const slow = gate();
    const jobs = [queue.run("a", () => slow.done), queue.run("a", async () => {}), queue.run("a", async () => {})];
    await expect(queue.run("a", async () => {})).rejects.toEqual(new FairQueueFull("key"));
    // Another tenant still has room…
    jobs.push(queue.run("b", async () => {}));
    // …until the room is full.
    await expect(queue.run("c", async () => {})).rejects.toEqual(new FairQueueFull("total"));
    slow.open();
    await Promise.all(jobs);
  });

  it("frees the place of a job that fails", async () => {
    const queue = new FairQueue({ concurrency: 1, perKey: 1, waitingPerKey: 1, waitingTotal: 1 });
    await expect(queue.run("a", async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await queue.run("a", async () => 1)).toBe(1);
  });
});
