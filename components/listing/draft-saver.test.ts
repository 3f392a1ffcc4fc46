import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ListingDraftInput } from "@/lib/listing/schema";
import { createDraftSaver, retryDelayMs, type SaverState } from "./draft-saver";

type Call = { body: { revision: number; data: Record<string, unknown> }; keepalive: boolean };

/** A server for the saver: answers each PUT from a script, and records what it was sent. */
function server(script: ((call: Call) => Response | Error)[]) {
  const calls: Call[] = [];
  let revision = 1;
  const fetch = vi.fn(async (_url: string | URL | Request, init?: RequestInit) => {
    const call = { body: JSON.parse(String(init?.body)), keepalive: Boolean(init?.keepalive) };
    calls.push(call);
    const answer = (script.shift() ?? ok)(call);
    if (answer instanceof Error) throw answer;
    return answer;
  });
  function ok(call: Call) {
    revision = call.body.revision + 1;
    return Response.json({ revision, data: call.body.data, updatedAt: "", updatedBy: null, skipped: {} });
  }
  return { fetch: fetch as unknown as typeof globalThis.fetch, calls, ok };
}

function saverWith(fetch: typeof globalThis.fetch) {
  const states: SaverState[] = [];
  const local = {
    copy: null as unknown,
    write: vi.fn((values: unknown) => void (local.copy = values)),
    clear: vi.fn(() => void (local.copy = null)),
  };
  const saver = createDraftSaver({ appId: "app1", revision: 1, local, onChange: (s) => states.push(s), fetch });
  /** Any values, as the editor may hold them. */
  const schedule = (values: Record<string, unknown>) => saver.schedule(values as ListingDraftInput);
  return { saver, schedule, states, local };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("the draft saver", () => {
  it("saves what was typed a moment after typing stops, valid or not, and drops the local copy once saved", async () => {
    const api = server([]);
    const { saver, schedule, local } = saverWith(api.fetch);
    schedule({ appName: "", summary: "x".repeat(400) });
    expect(local.copy).toEqual({ appName: "", summary: "x".repeat(400) });
    expect(saver.state.status).toBe("pending");
    await vi.advanceTimersByTimeAsync(800);
    expect(api.calls).toHaveLength(1);
    expect(api.calls[0]!.body).toEqual({ revision: 1, data: { appName: "", summary: "x".repeat(400) } });
    expect(api.calls[0]!.keepalive).toBe(true);
    expect(saver.state.status).toBe("saved");
    expect(local.copy).toBeNull();
  });

  it("retries a save that cannot reach the server with backoff, keeping the changes locally, then saves the newest", async () => {
    const down = () => new TypeError("Failed to fetch");
    const api = server([down, down]);
    const { saver, schedule, local } = saverWith(api.fetch);
    schedule({ summary: "First" });
    await vi.advanceTimersByTimeAsync(800);
    expect(saver.state.status).toBe("retrying");
    expect(saver.state.error).toMatch(/kept in this browser/);
    schedule({ summary: "Second" });
    expect(local.copy).toEqual({ summary: "Second" });
    await vi.advanceTimersByTimeAsync(retryDelayMs(1));
    expect(api.calls).toHaveLength(2);
    expect(saver.state.status).toBe("retrying");
    await vi.advanceTimersByTimeAsync(retryDelayMs(2));
    expect(api.calls).toHaveLength(3);
    expect(api.calls.map((c) => c.body.data.summary)).toEqual(["First", "Second", "Second"]);
    expect(saver.state.status).toBe("saved");
    expect(local.copy).toBeNull();
  });

  it("backs off 1, 2, 4… seconds up to 30", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 10].map(retryDelayMs)).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
  });

  it("honours Retry-After on 503 and 429", async () => {
    const api = server([
      () =>
        new Response(JSON.stringify({ error: { message: "Busy" } }), { status: 503, headers: { "retry-after": "7" } }),
    ]);
    const { saver, schedule } = saverWith(api.fetch);
    schedule({ summary: "A" });
    await vi.advanceTimersByTimeAsync(800);
    expect(saver.state.status).toBe("retrying");
    await vi.advanceTimersByTimeAsync(6_900);
    expect(api.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(200);
    expect(api.calls).toHaveLength(2);
    expect(saver.state.status).toBe("saved");
  });

  it("stops at a refusal it cannot retry and keeps the local copy", async () => {
    const api = server([
      () => Response.json({ error: { code: "FORBIDDEN", message: "Viewers cannot edit listings" } }, { status: 403 }),
    ]);
    const { saver, schedule, local } = saverWith(api.fetch);
    schedule({ summary: "Mine" });
    expect(await saver.flush()).toBe(false);
    expect(saver.state).toMatchObject({
      status: "failed",
      error: "Viewers cannot edit listings. Your changes are kept in this browser.",
    });
    expect(local.copy).toEqual({ summary: "Mine" });
    expect(saver.dirty()).toBe(true);
  });

  it("flushes at once: true when the server has everything", async () => {
    const api = server([]);
    const { saver, schedule } = saverWith(api.fetch);
    schedule({ summary: "Now" });
    expect(saver.dirty()).toBe(true);
    expect(await saver.flush()).toBe(true);
    expect(api.calls).toHaveLength(1);
    expect(saver.dirty()).toBe(false);
    expect(await saver.flush()).toBe(true);
    expect(api.calls).toHaveLength(1);
  });

  it("keeps the local copy when the server could not store a field", async () => {
    const api = server([
      (call) =>
        Response.json({
          revision: 2,
          data: call.body.data,
          updatedAt: "",
          updatedBy: null,
          skipped: { images: "At most 5 listing images" },
        }),
    ]);
    const { saver, schedule, local } = saverWith(api.fetch);
    schedule({ images: new Array(6).fill({ assetId: "a", alt: "" }) });
    expect(await saver.flush()).toBe(true);
    expect(saver.state.skipped).toEqual({ images: "At most 5 listing images" });
    expect(local.copy).not.toBeNull();
  });

  it("on a conflict saves nothing more until the person chooses, then saves theirs over with the newer revision", async () => {
    const current = { revision: 5, data: { summary: "Theirs" }, updatedAt: "", updatedBy: "Ben" };
    const api = server([
      () => Response.json({ error: { code: "CONFLICT", message: "Ben saved" }, current }, { status: 409 }),
    ]);
    const { saver, schedule } = saverWith(api.fetch);
    schedule({ summary: "Mine" });
    expect(await saver.flush()).toBe(false);
    expect(saver.state.conflict?.mine).toEqual({ summary: "Mine" });
    schedule({ summary: "Mine, more" });
    await vi.advanceTimersByTimeAsync(5000);
    expect(api.calls).toHaveLength(1);
    expect(saver.state.conflict?.mine).toEqual({ summary: "Mine, more" });
    await saver.resolve("mine");
    expect(api.calls).toHaveLength(2);
    expect(api.calls[1]!.body).toEqual({ revision: 5, data: { summary: "Mine, more" } });
    expect(saver.state.status).toBe("saved");
  });
});
