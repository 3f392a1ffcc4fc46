import scopeCatalog from "@/lib/pipedrive/scopes.json";
import { plainOfMarkdown } from "./markdown";
import type { ListingDraft } from "./schema";

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

type Subject = { name: string; words: string[] };

/** The objects a scope opens, in the words a listing would use for them. */
const SUBJECTS: Record<string, Subject> = {
  deals: {
    name: "deals",
    words: ["deal", "deals", "pipeline", "pipelines", "stage", "stages", "opportunity", "opportunities"],
  },
  contacts: {
    name: "persons and organizations",
    words: [
      "contact",
      "contacts",
      "person",
      "persons",
      "people",
      "organization",
      "organizations",
      "organisation",
      "organisations",
      "company",
      "companies",
      "customer",
      "customers",
    ],
  },
  activities: {
    name: "activities",
    words: [
      "activity",
      "activities",
      "task",
      "tasks",
      "call",
      "calls",
      "meeting",
      "meetings",
      "calendar",
      "follow-up",
      "follow-ups",
      "to-do",
      "to-dos",
      "reminder",
      "reminders",
    ],
  },
  products: {
    name: "products",
    words: ["product", "products", "catalog", "catalogue", "line item", "line items", "price", "prices", "pricing"],
  },
  mail: {
    name: "mail",
    words: ["mail", "email", "emails", "e-mail", "e-mails", "inbox", "thread", "threads", "mailbox"],
  },
  leads: { name: "leads", words: ["lead", "leads", "leads inbox", "prospect", "prospects"] },
  projects: { name: "projects", words: ["project", "projects"] },
  goals: { name: "goals", words: ["goal", "goals", "target", "targets", "quota", "quotas"] },
  calls: {
    name: "call logs",
    words: [
      "call",
      "calls",
      "call log",
      "call logs",
      "phone",
      "phones",
      "calling",
      "voip",
      "dialer",
      "telephony",
      "recording",
      "recordings",
    ],
  },
  videoCalls: {
    name: "video calls",
    words: [
      "video call",
      "video calls",
      "video meeting",
      "video meetings",
      "video conference",
      "conference",
      "conferencing",
    ],
  },
  messaging: {
    name: "messaging",
    words: [
      "message",
      "messages",
      "messaging",
      "chat",
      "chats",
      "conversation",
      "conversations",
      "whatsapp",
      "sms",
      "messenger",
    ],
  },
  webhooks: {
    name: "webhooks",
    words: ["webhook", "webhooks", "real-time", "realtime", "notification", "notifications", "instantly", "as soon as"],
  },
  admin: {
    name: "the account's administration",
    words: [
      "admin",
      "administer",
      "administers",
      "administration",
      "account settings",
      "company settings",
      "permission",
      "permissions",
      "user management",
    ],
  },
  users: {
    name: "users",
    words: [
      "user",
      "users",
      "team",
      "teams",
      "teammate",
      "teammates",
      "owner",
      "owners",
      "assignee",
      "assignees",
      "rep",
      "reps",
      "colleague",
      "colleagues",
    ],
  },
  search: { name: "search", words: ["search", "searches", "find", "finds", "look up", "looks up", "lookup"] },
  recents: {
    name: "recent changes",
    words: ["recent", "recently", "latest changes", "what changed", "changes since", "activity feed", "updates"],
  },
  dealFields: { name: "deal fields", words: ["deal field", "deal fields", "custom field", "custom fields"] },
  productFields: {
    name: "product fields",
    words: ["product field", "product fields", "custom field", "custom fields"],
  },
  contactFields: {
    name: "person and organization fields",
    words: [
      "person field",
      "person fields",
      "organization field",
      "organization fields",
      "contact field",
      "contact fields",
      "custom field",
      "custom fields",
    ],
  },
};

const SUBJECT_OF: Record<string, keyof typeof SUBJECTS> = {
  "deals:read": "deals",
  "deals:full": "deals",
  "mail:read": "mail",
  "mail:full": "mail",
  "activities:read": "activities",
  "activities:full": "activities",
  "contacts:read": "contacts",
  "contacts:full": "contacts",
  "products:read": "products",
  "products:full": "products",
  "deal-fields:full": "dealFields",
  "product-fields:full": "productFields",
  "contact-fields:full": "contactFields",
  "users:read": "users",
  "recents:read": "recents",
  "search:read": "search",
  admin: "admin",
  "leads:read": "leads",
  "leads:full": "leads",
  "phone-integration": "calls",
  "goals:read": "goals",
  "goals:full": "goals",
  "video-calls": "videoCalls",
  "messengers-integration": "messaging",
  "projects:read": "projects",
  "projects:full": "projects",
  "webhooks:read": "webhooks",
  "webhooks:full": "webhooks",
};

const ACCESS = new Map(scopeCatalog.scopes.map((s) => [s.id, s.access]));

/** Verbs that change data (a full-access scope is for them). */
const WRITE_VERBS = [
  "create",
  "add",
  "update",
  "edit",
  "change",
  "modify",
  "delete",
  "remove",
  "write",
  "sync",
  "move",
  "log",
  "post",
  "save",
  "import",
  "assign",
  "set",
  "mark",
  "close",
  "convert",
  "archive",
  "merge",
  "schedule",
  "complete",
  "enrich",
  "fill",
  "attach",
  "book",
];
const WRITE = new RegExp(`\\b(${WRITE_VERBS.join("|")})(s|es|ed|d|ing)?\\b`, "i");

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

/** Promises a listing can make, and the scopes that allow each. */
const PROMISES: { pattern: RegExp; scopes: string[] }[] = [
  {
    pattern:
      /\b(creat|add|log|schedul|updat|book|complet|assign)\w*\s+(?:(?:an?|the|new|your|their|its|all|every|each|follow-up)\s+)*(activit(?:y|ies)|tasks?|meetings?|follow-ups?|reminders?)\b/i,
    scopes: ["activities:full"],
  },
  {
    pattern:
      /\b(log|record|sync|transcrib)\w*\s+(?:(?:an?|the|every|each|all|your|their|inbound|outbound|phone)\s+)*calls?\b/i,
    scopes: ["phone-integration", "activities:full"],
  },
  {
    pattern:
      /\b(creat|add|updat|mov|clos|win|wins|convert|advanc)\w*\s+(?:(?:an?|the|new|your|their|its|all|every|each|open)\s+)*deals?\b/i,
    scopes: ["deals:full"],
  },
  {
    pattern:
      /\b(show|display|see|view|read|list|report|analy[sz]|track)\w*\s+(?:(?:on|of|an?|the|your|their|its|all|every|each|open|won|lost)\s+)*deals?\b/i,
    scopes: ["deals:read", "deals:full"],
  },
  {
    pattern:
      /\b(creat|add|updat|enrich|merg|import|sync)\w*\s+(?:(?:an?|the|new|your|their|its|all|every|each)\s+)*(contacts?|persons?|people|organi[sz]ations?)\b/i,
    scopes: ["contacts:full"],
  },
  {
    pattern:
      /\b(show|display|see|view|read|list|look\s+up|find)\w*\s+(?:(?:an?|the|your|their|its|all|every|each)\s+)*(contacts?|persons?|people|organi[sz]ations?)\b/i,
    scopes: ["contacts:read", "contacts:full"],
  },
  {
    pattern: /\b(creat|add|updat|import|sync)\w*\s+(?:(?:an?|the|new|your|their|its|all|every|each)\s+)*products?\b/i,
    scopes: ["products:full"],
  },
  {
    pattern:
      /\b(creat|add|import|captur|qualif|convert)\w*\s+(?:(?:an?|the|new|your|their|its|all|every|each|incoming|inbound)\s+)*leads?\b/i,
    scopes: ["leads:full"],
  },
  {
    pattern: /\b(show|display|see|view|read|list)\w*\s+(?:(?:an?|the|your|their|its|all|every|each|new)\s+)*leads?\b/i,
    scopes: ["leads:read", "leads:full"],
  },
  {
    pattern:
      /\b(read|sync|track|show|display|see)\w*\s+(?:(?:an?|the|your|their|its|all|every|each|incoming|sent)\s+)*(e-?mails?|mail|mailbox)\b/i,
    scopes: ["mail:read", "mail:full"],
  },
  { pattern: /\b(creat|add|updat)\w*\s+(?:(?:an?|the|new|your|their|its)\s+)*projects?\b/i, scopes: ["projects:full"] },
  {
    pattern: /\b(set|creat|add|updat)\w*\s+(?:(?:an?|the|new|your|their|its|sales|team)\s+)*goals?\b/i,
    scopes: ["goals:full"],
  },
  { pattern: /\bwebhooks?\b/i, scopes: ["webhooks:read", "webhooks:full"] },
];

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
