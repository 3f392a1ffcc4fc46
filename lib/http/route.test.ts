import { afterEach, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { readBody, readForm, readJson, readUploadedFile, route } from "./route";
import { setLogDestination } from "@/lib/server/log";
import { captureLogs } from "@/lib/test/capture-logs";
import { chunkedBody } from "@/lib/test/chunked-body";

/** A POST whose body arrives in chunks without a declared length. */
function chunked(totalBytes: number) {
  const { body, pulled } = chunkedBody(totalBytes);
  return {
    request: new Request("http://localhost/x", { method: "POST", body, duplex: "half" } as RequestInit),
    pulled,
  };
}

describe("readBody", () => {
  it("refuses a declared length over the limit before reading anything", async () => {
    const request = new Request("http://localhost/x", {
      method: "POST",
      body: "x".repeat(10),
      headers: { "content-length": "2000000" },
    });
    await expect(readBody(request, 1_000_000)).rejects.toMatchObject({
      code: "PAYLOAD_TOO_LARGE",
      message: "The request is larger than 1 MB",
    });
    expect(request.bodyUsed).toBe(false);
  });

  it("stops a chunked body as soon as it passes the limit", async () => {
    const body = chunked(50_000_000);
    await expect(readBody(body.request, 200_000)).rejects.toMatchObject({
      code: "PAYLOAD_TOO_LARGE",
      message: "The request is larger than 200 kB",
    });
    expect(body.pulled()).toBeLessThan(400_000);
  });

  it("returns a body within the limit whole", async () => {
    const body = chunked(200_000);
    expect((await readBody(body.request, 200_000)).length).toBe(200_000);
  });

  it("uses the caller's error", async () => {
    await expect(
      readBody(chunked(10).request, 5, () => Object.assign(new Error("custom"), { code: "X" }) as never),
    ).rejects.toThrow("custom");
  });
});

describe("readJson and readForm", () => {
  it("parse within the limit and refuse bad JSON clearly", async () => {
    expect(await readJson(new Request("http://localhost/x", { method: "POST", body: '{"a":1}' }))).toEqual({ a: 1 });
    await expect(readJson(new Request("http://localhost/x", { method: "POST", body: "{oops" }))).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(readJson(chunked(2_000_000).request)).rejects.toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
  });

  it("read a form, and say null when it is not one", async () => {
    const form = new FormData();
    form.set("name", "Ann");
    expect(
      (await readForm(new Request("http://localhost/x", { method: "POST", body: form }), 10_000))?.get("name"),
    ).toBe("Ann");
    expect(
      await readForm(
        new Request("http://localhost/x", {
          method: "POST",
          body: "nope",
          headers: { "content-type": "multipart/form-data; boundary=x" },
        }),
        10_000,
      ),
    ).toBeNull();
    await expect(readForm(chunked(20_000).request, 10_000)).rejects.toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
  });
});

describe("readUploadedFile", () => {
  const multipart = (parts: string[], boundary = "XyZ") =>
    new TextEncoder().encode(parts.map((p) => `--${boundary}\r\n${p}\r\n`).join("") + `--${boundary}--\r\n`);
  const upload = (body: BodyInit, type = "multipart/form-data; boundary=XyZ") =>
    new Request("http://x/", {
      method: "POST",
      body,
      headers: { "content-type": type },
      duplex: "half",
    } as RequestInit);

  it("returns the named file, whole, and skips the other parts", async () => {
    const body = multipart([
      'Content-Disposition: form-data; name="note"\r\n\r\nhello',
      'Content-Disposition: form-data; name="other"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\nnot this one',
      'Content-Disposition: form-data; name="file"; filename="icon.png"\r\nContent-Type: image/png\r\n\r\n\u0089PNG bytes',
    ]);
    const file = await readUploadedFile(upload(body), "file", 1000);
    expect(file?.name).toBe("icon.png");
    expect(file?.data.toString("latin1")).toBe("\u00c2\u0089PNG bytes");
  });

  it("says null for a body that is not multipart, is malformed, or has no such file", async () => {
    expect(await readUploadedFile(upload("a=1", "application/x-www-form-urlencoded"), "file", 1000)).toBeNull();
    expect(await readUploadedFile(upload("no boundary here at all"), "file", 1000)).toBeNull();
    expect(
      await readUploadedFile(
        upload(multipart(['Content-Disposition: form-data; name="note"\r\n\r\nhello'])),
        "file",
        1000,
      ),
    ).toBeNull();
    expect(await readUploadedFile(upload("x", "multipart/form-data"), "file", 1000)).toBeNull();
  });

  it("refuses a declared length over the limit before reading, and stops a chunked file as soon as it passes it", async () => {
    const declared = new Request("http://x/", {
      method: "POST",
      body: "x",
      headers: { "content-type": "multipart/form-data; boundary=XyZ", "content-length": String(2_000_000) },
    });
    await expect(readUploadedFile(declared, "file", 1_000_000)).rejects.toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
    // A file part whose content never ends, sent without a length.
    const head = new TextEncoder().encode(
      '--XyZ\r\nContent-Disposition: form-data; name="file"; filename="big.png"\r\n\r\n',
    );
    const { body, pulled } = chunkedBody(50_000_000);
    const stream = new ReadableStream<Uint8Array>({
      start: (c) => c.enqueue(head),
      async pull(c) {
        const reader =
          (stream as unknown as { reader?: ReadableStreamDefaultReader<Uint8Array> }).reader ??
          ((stream as unknown as { reader?: ReadableStreamDefaultReader<Uint8Array> }).reader = body.getReader());
        const { done, value } = await reader.read();
        if (done) c.close();
        else c.enqueue(value);
      },
    });
    const error = await readUploadedFile(
      upload(stream),
      "file",
      1_000_000,
      () => new AppError("PAYLOAD_TOO_LARGE", "images may be at most 1 MB"),
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "PAYLOAD_TOO_LARGE", message: "images may be at most 1 MB" });
    expect(pulled()).toBeLessThan(3_000_000);
  });
});

/** A POST whose body sends `first`, then one byte every `everyMs` (or nothing more when it is null) until `until`. */
function trickling(first: string, everyMs: number | null, until = 10_000) {
  let timer: ReturnType<typeof setInterval> | undefined;
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(first));
      if (everyMs !== null)
        timer = setInterval(() => {
          if (++sent >= until) {
            clearInterval(timer);
            controller.close();
          } else controller.enqueue(new Uint8Array([32]));
        }, everyMs);
    },
    cancel: () => clearInterval(timer),
  });
  return new Request("http://localhost/x", {
    method: "POST",
    body,
    headers: { "content-type": "multipart/form-data; boundary=x" },
    duplex: "half",
  } as RequestInit);
}

describe("a body that must keep pace", () => {
  const pace = { idleMs: 200, graceMs: 300, minBytesPerSecond: 1_000, deadlineMs: 60_000 };
  const slow = { code: "REQUEST_TIMEOUT", status: 408 };

  it("is stopped with 408 when it stalls, or trickles under the pace once the grace is over", async () => {
    await expect(readBody(trickling("x", null), 1_000, undefined, pace)).rejects.toMatchObject(slow);
    await expect(readBody(trickling("x", 20), 100_000, undefined, pace)).rejects.toMatchObject(slow);
    const part = '--x\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n\r\n';
    await expect(readUploadedFile(trickling(part, null), "file", 1_000, undefined, pace)).rejects.toMatchObject(slow);
    await expect(readUploadedFile(trickling(part, 20), "file", 100_000, undefined, pace)).rejects.toMatchObject(slow);
  });

  it("is stopped at its deadline, however steadily it comes", async () => {
    // 50 bytes every 20 ms: 2.5 kB/s, above the pace, never idle, but not done within 400 ms.
    let timer: ReturnType<typeof setInterval> | undefined;
    const steady = new ReadableStream<Uint8Array>({
      start(controller) {
        timer = setInterval(() => controller.enqueue(new Uint8Array(50)), 20);
      },
      cancel: () => clearInterval(timer),
    });
    const request = new Request("http://localhost/x", { method: "POST", body: steady, duplex: "half" } as RequestInit);
    await expect(readBody(request, 1_000_000, undefined, { ...pace, deadlineMs: 400 })).rejects.toMatchObject(slow);
  });

  it("is read whole when it keeps pace", async () => {
    const { request } = chunked(50_000);
    expect((await readBody(request, 100_000, undefined, pace)).length).toBe(50_000);
  });
});

describe("route", () => {
  afterEach(() => setLogDestination(undefined));
  const ok = route(async (_request: Request) => Response.json({ ok: true }));
  const broken = route(async (_request: Request): Promise<Response> => {
    throw new Error("boom");
  });

  it("returns a request id (keeping a well-formed one from the load balancer) and logs the request once under it", async () => {
    const lines = captureLogs();
    const res = await ok(
      new Request("http://localhost/api/x?token=secret-value", { headers: { "x-request-id": "lb-1234567890" } }),
    );
    expect(res.headers.get("x-request-id")).toBe("lb-1234567890");
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({
      level: "info",
      reqId: "lb-1234567890",
      method: "GET",
      path: "/api/x",
      status: 200,
      msg: "request",
    });
    expect(lines[0]).not.toContain("secret-value");
    const fresh = await ok(new Request("http://localhost/api/x", { headers: { "x-request-id": "<bad>" } }));
    expect(fresh.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("turns an unexpected failure into a 500 without details, logged with the error under the same id", async () => {
    const lines = captureLogs();
    const res = await broken(new Request("http://localhost/api/y", { method: "POST" }));
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ error: { code: "INTERNAL", message: "Something went wrong on our side" } });
    const id = res.headers.get("x-request-id");
    const logged = lines.map((l) => JSON.parse(l));
    expect(logged).toEqual([
      expect.objectContaining({
        level: "error",
        reqId: id,
        msg: "Unhandled route error",
        err: expect.objectContaining({ message: "boom" }),
      }),
      expect.objectContaining({ level: "error", reqId: id, method: "POST", path: "/api/y", status: 500 }),
    ]);
  });
});
