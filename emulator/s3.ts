import { createHash, createHmac } from "node:crypto";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { SignatureV4 } from "@smithy/signature-v4";

/**
 * A small S3-compatible server for tests: objects in memory, path-style URLs, and every request's
 * AWS Signature V4 recomputed with the known secret (a wrong key is refused as S3 refuses it).
 */
type Data = string | ArrayBuffer | ArrayBufferView;
const bytes = (data: Data) =>
  typeof data === "string"
    ? data
    : ArrayBuffer.isView(data)
      ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
      : new Uint8Array(data);

class Sha256 {
  private readonly hash;
  constructor(secret?: Data) {
    this.hash = secret ? createHmac("sha256", bytes(secret)) : createHash("sha256");
  }
  update(data: Data) {
    this.hash.update(bytes(data));
  }
  async digest() {
    return new Uint8Array(this.hash.digest());
  }
}

const xmlError = (code: string, message: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`;

export async function startS3Emulator({
  accessKeyId,
  secretAccessKey,
  region = "us-east-1",
}: {
  accessKeyId: string;
  secretAccessKey: string;
  region?: string;
}) {
  const objects = new Map<string, { body: Buffer; contentType: string; cacheControl: string | null }>();
  const requests: { method: string; path: string; authorized: boolean }[] = [];
  const signer = new SignatureV4({
    service: "s3",
    region,
    credentials: { accessKeyId, secretAccessKey },
    sha256: Sha256,
    uriEscapePath: false,
    applyChecksum: false,
  });

  async function authorized(req: IncomingMessage, url: URL): Promise<boolean> {
    const auth = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/[^,]+, ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]{64})$/.exec(
      req.headers.authorization ?? "",
    );
    if (!auth || auth[1] !== accessKeyId) return false;
    const amzDate = String(req.headers["x-amz-date"] ?? "");
    const signingDate = new Date(
      amzDate.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, "$1-$2-$3T$4:$5:$6Z"),
    );
    if (Number.isNaN(signingDate.getTime())) return false;
    const headers: Record<string, string> = {};
    for (const name of auth[2]!.split(";")) headers[name] = String(req.headers[name] ?? "");
    const query: Record<string, string> = {};
    url.searchParams.forEach((v, k) => (query[k] = v));
    const signed = await signer.sign(
      {
        method: req.method!,
        protocol: "http:",
        hostname: url.hostname,
        port: Number(url.port),
        path: url.pathname,
        query,
        headers,
        body: undefined,
      },
      { signingDate, signableHeaders: new Set(Object.keys(headers)) },
    );
    return String(signed.headers.authorization ?? signed.headers.Authorization).endsWith(`Signature=${auth[3]}`);
  }

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", `http://${req.headers.host}`);
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const ok = await authorized(req, url);
    requests.push({ method: req.method!, path: url.pathname, authorized: ok });
    const send = (status: number, data: string | Buffer = "", headers: Record<string, string> = {}) => {
      res.writeHead(status, { "content-type": "application/xml", ...headers });
      res.end(data);
    };
    if (!ok)
      return send(
        403,
        xmlError(
          "SignatureDoesNotMatch",
          "The request signature we calculated does not match the signature you provided.",
        ),
      );
    if (
      req.headers["x-amz-content-sha256"] !== "UNSIGNED-PAYLOAD" &&
      req.headers["x-amz-content-sha256"] !== createHash("sha256").update(body).digest("hex")
    ) {
      return send(
        400,
        xmlError(
          "XAmzContentSHA256Mismatch",
          "The provided 'x-amz-content-sha256' header does not match what was computed.",
        ),
      );
    }
    const key = decodeURIComponent(url.pathname.slice(1));
    if (req.method === "PUT") {
      objects.set(key, {
        body,
        contentType: String(req.headers["content-type"] ?? "binary/octet-stream"),
        cacheControl: (req.headers["cache-control"] as string) ?? null,
      });
      return send(200, "", { etag: `"${createHash("md5").update(body).digest("hex")}"` });
    }
    const object = objects.get(key);
    if (req.method === "GET") {
      if (!object) return send(404, xmlError("NoSuchKey", "The specified key does not exist."));
      return send(200, object.body, {
        "content-type": object.contentType,
        "content-length": String(object.body.length),
      });
    }
    if (req.method === "DELETE") {
      objects.delete(key);
      return send(204);
    }
    return send(405, xmlError("MethodNotAllowed", "The specified method is not allowed against this resource."));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    objects,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
