/** The review import's file format, shared by the browser and the server. */
export const REVIEW_IMPORT_COLUMNS = ["id", "author", "stars", "date", "text", "reply", "upvotes"] as const;
export const MAX_IMPORT_ROWS = 5_000;
export const MAX_IMPORT_BYTES = 2_000_000;
export const REVIEW_TEMPLATE_CSV = `${REVIEW_IMPORT_COLUMNS.join(",")}\nrv-1001,Ana Souza,5,2026-10-02,"Saves us an hour a day.",,3\n,Tom Berg,3,2026-10-15,"Good, but the setup was confusing.","Thanks Tom! We simplified setup in 2.4.",0\n`;
