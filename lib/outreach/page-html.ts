import { escapeHtml, htmlDocument } from "@/lib/http/html-page";

/**
 * The survey's and the unsubscribe's pages: self-contained HTML that works without JavaScript, readable at any
 * width, every outside value escaped. Only plain forms posting to themselves.
 */
/** Beside the shared page style: a wider column from the top, edge to edge on a phone, and the survey's form. */
const STYLE = [
  "*{box-sizing:border-box}body{display:block}",
  "main{max-width:34rem;margin:2rem auto;padding:1.5rem}",
  "@media (max-width:480px){main{margin:0;border:0;border-radius:0;min-height:100vh}}",
  "h1{line-height:1.3}fieldset{border:0;margin:0 0 1rem;padding:0}legend{font-weight:600;margin-bottom:.5rem}",
  "label.choice{display:flex;gap:.6rem;align-items:flex-start;padding:.65rem .75rem;border:1px solid #e2e8f0;border-radius:.5rem;margin-bottom:.5rem;cursor:pointer}",
  "label.choice:focus-within{outline:2px solid #017737;outline-offset:1px}input[type=radio]{margin-top:.2rem;accent-color:#017737}",
  "textarea{width:100%;min-height:7rem;padding:.6rem;border:1px solid #cbd5e1;border-radius:.5rem;font:inherit}",
  "textarea:focus{outline:2px solid #017737}.label{display:block;font-weight:600;margin:0 0 .35rem}.help{font-size:.85rem;color:#64748b;margin:.25rem 0 1rem}",
  "button{background:#017737;color:#fff;border:0;border-radius:.5rem;padding:.7rem 1.1rem;font:inherit;font-weight:600;cursor:pointer}",
  "button:focus-visible{outline:3px solid #0f172a;outline-offset:2px}.error{color:#b91c1c;font-weight:600}",
].join("");

/** A page the partner's customer sees: titled by the partner's words alone, not by Listing Studio. */
const publicPage = (title: string, body: string) => htmlDocument(title, body, STYLE, "");

export const messagePage = (title: string, text: string) =>
  publicPage(title, `<h1>${escapeHtml(title)}</h1><p role="status">${escapeHtml(text)}</p>`);

export function surveyForm(input: {
  action: string;
  app: string;
  sender: string;
  reasons: { id: string; label: string }[];
  chosen?: string;
  text?: string;
  error?: string;
}): string {
  const error = input.error ? `<p class="error" id="survey-error" role="alert">${escapeHtml(input.error)}</p>` : "";
  const described = input.error ? ' aria-describedby="survey-error"' : "";
  const choices = input.reasons
    .map(
      (r, i) =>
        `<label class="choice"><input type="radio" name="reason" value="${escapeHtml(r.id)}" id="reason-${i}"${input.chosen === r.id ? " checked" : ""}> <span>${escapeHtml(r.label)}</span></label>`,
    )
    .join("");
  const title = `Why did you uninstall ${input.app}?`;
  const body = [
    `<h1>${escapeHtml(title)}</h1>`,
    `<p>${escapeHtml(input.sender)} reads every answer. One question, and you can skip the rest.</p>`,
    error,
    `<form method="post" action="${escapeHtml(input.action)}">`,
    `<fieldset${described}><legend>The main reason</legend>${choices}</fieldset>`,
    `<label class="label" for="text">Anything else you want to tell us? (optional)</label>`,
    `<textarea id="text" name="text" maxlength="2000" aria-describedby="text-help">${escapeHtml(input.text ?? "")}</textarea>`,
    `<p class="help" id="text-help">Up to 2,000 characters. Please do not include passwords or payment details.</p>`,
    `<button type="submit">Send answer</button>`,
    `</form>`,
  ].join("");
  return publicPage(title, body);
}

export function confirmForm(input: { action: string; title: string; text: string; button: string }): string {
  return publicPage(
    input.title,
    `<h1>${escapeHtml(input.title)}</h1><p>${escapeHtml(input.text)}</p><form method="post" action="${escapeHtml(input.action)}"><button type="submit">${escapeHtml(input.button)}</button></form>`,
  );
}
