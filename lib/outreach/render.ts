import { DEFAULT_BODY, DEFAULT_SUBJECT } from "./defaults";

/**
 * The outreach emails, from the partner's text: placeholders filled with the customer's details (outside text,
 * taken as plain text), a text part and an HTML part in which everything is escaped. Pure, so the settings page
 * previews exactly what is sent.
 */
export type EmailParts = { subject: string; text: string; html: string };
export type Recipient = { name: string | null; company: string | null };

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
/** One line of outside text: no control characters or line breaks. */
const line = (text: string) =>
  text
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();

export const firstNameOf = (name: string | null) => (name ? line(name).split(" ")[0] || null : null);

export function fillPlaceholders(template: string, values: { app: string; recipient: Recipient }) {
  const map: Record<string, string> = {
    "{first_name}": firstNameOf(values.recipient.name) ?? "there",
    "{app}": line(values.app),
    "{company}": values.recipient.company ? line(values.recipient.company) : "your team",
  };
  return template.replace(/\{(first_name|app|company)\}/g, (m) => map[m] ?? m);
}

const paragraphs = (text: string) =>
  text
    .split(/\n{2,}/)
    .map((p) => `<p style="margin:0 0 14px">${escape(p).replace(/\n/g, "<br>")}</p>`)
    .join("");

function layout(body: string, action: { href: string; label: string }, unsubscribeUrl: string, sender: string) {
  const button = `<p style="margin:20px 0"><a href="${escape(action.href)}" style="background:#017737;color:#fff;padding:10px 16px;border-radius:6px;text-decoration:none;display:inline-block">${escape(action.label)}</a></p>`;
  const foot = `<p style="margin:24px 0 0;font-size:12px;color:#64748b">Sent by ${escape(sender)}. <a href="${escape(unsubscribeUrl)}" style="color:#64748b">Unsubscribe</a> from these emails.</p>`;
  return `<!doctype html><html><body style="font-family:system-ui,sans-serif;color:#0f172a;line-height:1.5;max-width:560px">${body}${button}${foot}</body></html>`;
}

export function requestEmail(input: {
  subject?: string;
  body?: string;
  app: string;
  sender: string;
  recipient: Recipient;
  reviewUrl: string;
  unsubscribeUrl: string;
}): EmailParts {
  const values = { app: input.app, recipient: input.recipient };
  const subject = line(fillPlaceholders(input.subject || DEFAULT_SUBJECT, values));
  const body = fillPlaceholders(input.body || DEFAULT_BODY, values);
  const action = { href: input.reviewUrl, label: `Review ${line(input.app)}` };
  const text = [
    body,
    "",
    `${action.label}: ${input.reviewUrl}`,
    "",
    "--",
    `Sent by ${line(input.sender)}. Unsubscribe: ${input.unsubscribeUrl}`,
  ].join("\n");
  return { subject, text, html: layout(paragraphs(body), action, input.unsubscribeUrl, line(input.sender)) };
}

export function surveyEmail(input: {
  app: string;
  sender: string;
  recipient: Recipient;
  surveyUrl: string;
  unsubscribeUrl: string;
}): EmailParts {
  const values = { app: input.app, recipient: input.recipient };
  const subject = line(fillPlaceholders("Why did you uninstall {app}?", values));
  const body = fillPlaceholders(
    "Hi {first_name},\n\nWe saw that {company} uninstalled {app}. Could you tell us why? It is one question and takes ten seconds, and it helps us build what teams need.",
    values,
  );
  const action = { href: input.surveyUrl, label: "Tell us why" };
  const text = [
    body,
    "",
    `${action.label}: ${input.surveyUrl}`,
    "",
    "--",
    `Sent by ${line(input.sender)}. Unsubscribe: ${input.unsubscribeUrl}`,
  ].join("\n");
  return { subject, text, html: layout(paragraphs(body), action, input.unsubscribeUrl, line(input.sender)) };
}
