/** What the editor checks as the partner types (loaded in its own chunk: components/listing/lazy-modules.ts). */
export { draftOf, listingRulesSchema, submissionProblems } from "./schema";
export { checkReadiness } from "./readiness";
export { visibleLength } from "./markdown";
