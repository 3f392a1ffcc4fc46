import scopeCatalog from "@/lib/pipedrive/scopes.json";
import { plainOfMarkdown } from "./markdown";
import type { ListingDraft } from "./schema";
import { PROMISES, SUBJECT_OF, SUBJECTS, WRITE, WRITE_VERBS, type Subject } from "./scope-words";

/**
 * What Pipedrive's reviewers check about access scopes (they reject apps that ask for more than
 * they explain): each scope opens objects of the account; the listing must say what the app does
 * with them. Four rules, each naming the scope and the words it looked for:
 * 1. a scope whose objects neither the description, the features nor its justification mention;
 * 2. a full-access scope when only reading is described;
 * 3. `admin` at all, unless its justification gives a strong, account-level reason;
 * 4. a promise in the description or features that no requested scope allows.
 */

export type ScopeWarning = { path: string; message: string };

const ACCESS = new Map(scopeCatalog.scopes.map((s) => [s.id, s.access]));

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/ /g, "\\s+");
const mentions = (subject: Subject) =>
  new RegExp(`(^|[^\\p{L}\\p{N}])(${subject.words.map(escape).join("|")})(?=$|[^\\p{L}\\p{N}])`, "iu");
const quoteList = (words: string[]) => words.map((w) => `“${w}”`).join(", ");
/** The first words looked for, for a message that stays short. */
const someWords = (subject: Subject, n = 4) =>
  quoteList(subject.words.filter((w, i, all) => !all.slice(0, i).some((o) => w.startsWith(o))).slice(0, n));

/** Sentences, bullets and lines: the unit in which a verb and an object are read together. */
const sentences = (text: string) =>
  text
    .split(/[.!?;:\n]+|\s[-–—]\s/)
    .map((s) => s.trim())
    .filter(Boolean);

type Source = { path: string; label: string; text: string };

/** The description, the features and each scope's justification, as plain text with their paths. */
function sourcesOf(draft: ListingDraft): { description: Source; features: Source[] } {
  return {
    description: { path: "description", label: "the description", text: plainOfMarkdown(draft.description) },
    features: draft.features.map((f, i) => ({
      path: `features.${i}.description`,
      label: `the feature “${f.name || i + 1}”`,
      text: `${f.name}. ${f.description}`,
    })),
  };
}

export function scopeWarnings(draft: ListingDraft): ScopeWarning[] {
  const warnings: ScopeWarning[] = [];
  const { description, features } = sourcesOf(draft);
  const listing = [description, ...features];
  const requested = new Set(draft.scopes.map((s) => s.id));

  draft.scopes.forEach((scope, i) => {
    const key = SUBJECT_OF[scope.id];
    if (!key) return;
    const subject = SUBJECTS[key]!;
    const path = `scopes.${i}.justification`;
    const about = mentions(subject);
    const justification = scope.justification.trim();

    // 3. admin: full control of the account; a strong reason or a warning.
    if (scope.id === "admin") {
      const strong = justification.length >= 80 && about.test(justification);
      if (!strong) {
        warnings.push({
          path,
          message: `admin gives full control of the Pipedrive account: reviewers want a strong reason. Say in its justification which account settings the app manages and why a narrower scope will not do (at least 80 characters, mentioning ${someWords(subject, 5)})`,
        });
      }
      return;
    }

    // 1. Nothing says what the scope is for.
    const sentencesAbout = listing.flatMap((source) => sentences(source.text).filter((s) => about.test(s)));
    if (sentencesAbout.length === 0 && !about.test(justification)) {
      warnings.push({
        path,
        message: `Nothing says why the app needs ${scope.id}: neither the description, the features nor its justification mention ${subject.name} (looked for ${someWords(subject)})`,
      });
      return;
    }

    // 2. Full access, but only reading is described.
    if (ACCESS.get(scope.id) === "full") {
      const writes = sentencesAbout.some((s) => WRITE.test(s)) || WRITE.test(justification);
      if (!writes) {
        const read = scope.id.replace(/:full$/, ":read");
        warnings.push({
          path,
          message: `${scope.id} lets the app change ${subject.name}, but the listing only describes reading them (looked for ${quoteList(WRITE_VERBS.slice(0, 5))}… with ${someWords(subject, 3)}): ${ACCESS.has(read) ? `ask for ${read}, or ` : ""}say what the app changes`,
        });
      }
    }
  });

  // 4. A promise no requested scope allows.
  for (const source of listing) {
    for (const { pattern, scopes } of PROMISES) {
      const match = pattern.exec(source.text);
      if (!match || scopes.some((s) => requested.has(s))) continue;
      warnings.push({
        path: source.path,
        message: `${source.label[0]!.toUpperCase()}${source.label.slice(1)} says “${match[0].trim()}”, but no requested scope allows it: add ${scopes.join(" or ")}, or reword the promise`,
      });
    }
  }
  return warnings;
}
