/**
 * The browser tests' mail server: SMTP on E2E_SMTP_PORT (the app's SMTP_URL), and what it received over
 * HTTP on E2E_MAILBOX_PORT — `GET /messages?to=<address>` — so that specs can open the emails.
 */
import { createServer } from "node:http";
import { startSmtpServer } from "../lib/test/smtp";

const smtp = await startSmtpServer(Number(process.env.E2E_SMTP_PORT ?? 4225));
const http = createServer((req, res) => {
  const url = new URL(req.url ?? "/", "http://localhost");
  if (url.pathname === "/health") return res.end("ok");
  if (url.pathname !== "/messages") return res.writeHead(404).end();
  const to = url.searchParams.get("to");
  const messages = smtp.messages
    .filter((m) => !to || JSON.stringify(m.to ?? "").includes(to))
    .map((m) => ({
      subject: m.subject ?? "",
      text: m.text ?? "",
      html: typeof m.html === "string" ? m.html : "",
      listUnsubscribe: m.headerLines.find((h) => h.key === "list-unsubscribe")?.line.replace(/\r\n\s+/g, " ") ?? null,
    }));
  res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(messages));
});
http.listen(Number(process.env.E2E_MAILBOX_PORT ?? 4226), "127.0.0.1");
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.on(signal, () => void smtp.close().then(() => process.exit(0)));
