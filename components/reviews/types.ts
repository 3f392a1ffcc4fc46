/** A webhook a rule can send to. */
export type Hook = { id: string; name: string; format: string };
/** An app a rule can be limited to. */
export type AppChoice = { id: string; name: string };
