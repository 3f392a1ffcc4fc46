/**
 * The words the scope checks read a listing with: the objects each scope opens, the verbs that
 * change data, and the promises a listing can make with the scopes that allow each.
 */

export type Subject = { name: string; words: string[] };

/** The objects a scope opens, in the words a listing would use for them. */
export const SUBJECTS: Record<string, Subject> = {
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

export const SUBJECT_OF: Record<string, keyof typeof SUBJECTS> = {
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

/** Verbs that change data (a full-access scope is for them). */
export const WRITE_VERBS = [
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
export const WRITE = new RegExp(`\\b(${WRITE_VERBS.join("|")})(s|es|ed|d|ing)?\\b`, "i");

/** Promises a listing can make, and the scopes that allow each. */
export const PROMISES: { pattern: RegExp; scopes: string[] }[] = [
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
