import { describe, expect, it } from "vitest";
import { readBody, readForm, readJson } from "./http";
import { chunkedBody } from "./test/chunked-body";

/** A POST whose body arrives in chunks without a declared length. */
function chunked(totalBytes: number) {
  const { body, pulled } = chunkedBody(totalBytes);
  return { request: new Request("http://localhost/x", { method: "POST", body, duplex: "half" } as RequestInit), pulled };
}

describe("readBody", () => {
  it("refuses a declared length over the limit before reading anything", async () => {
    const request = new Request("http://localhost/x", { method: "POST", body: "x".repeat(10), headers: { "content-length": "2000000" } });
    await expect(readBody(request, 1_000_000)).rejects.toMatchObject({ code: "PAYLOAD_TOO_LARGE", message: "The request is larger than 1 MB" });
    expect(request.bodyUsed).toBe(false);
  });

  it("stops a chunked body as soon as it passes the limit", async () => {
    const body = chunked(50_000_000);
    await expect(readBody(body.request, 200_000)).rejects.toMatchObject({ code: "PAYLOAD_TOO_LARGE", message: "The request is larger than 200 kB" });
    expect(body.pulled()).toBeLessThan(400_000);
  });

  it("returns a body within the limit whole", async () => {
    const body = chunked(200_000);
    expect((await readBody(body.request, 200_000)).length).toBe(200_000);
  });

  it("uses the caller's error", async () => {
    await expect(readBody(chunked(10).request, 5, () => Object.assign(new Error("custom"), { code: "X" }) as never)).rejects.toThrow("custom");
  });
});

describe("readJson and readForm", () => {
  it("parse within the limit and refuse bad JSON clearly", async () => {
    expect(await readJson(new Request("http://localhost/x", { method: "POST", body: '{"a":1}' }))).toEqual({ a: 1 });
    await expect(readJson(new Request("http://localhost/x", { method: "POST", body: "{oops" }))).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(readJson(chunked(2_000_000).request)).rejects.toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
  });

  it("read a form, and say null when it is not one", async () => {
    const form = new FormData();
    form.set("name", "Ann");
    expect((await readForm(new Request("http://localhost/x", { method: "POST", body: form }), 10_000))?.get("name")).toBe("Ann");
    expect(await readForm(new Request("http://localhost/x", { method: "POST", body: "nope", headers: { "content-type": "multipart/form-data; boundary=x" } }), 10_000)).toBeNull();
    await expect(readForm(chunked(20_000).request, 10_000)).rejects.toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
  });
});
