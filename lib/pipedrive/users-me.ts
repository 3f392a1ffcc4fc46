import { z } from "zod";
import { plainLine } from "@/lib/text/outside-text";

/**
 * Maps Pipedrive's `GET /v1/users/me` payload to the identity Listing Studio keeps.
 * Pipedrive sends ids as numbers, but tolerate numeric strings; anything that cannot
 * identify a user and a company is a clear error, never a half-made user.
 */

const id = z
  .union([z.number(), z.string().trim().regex(/^\d+$/)])
  .transform(Number)
  .pipe(z.number().int().positive());
/** Names and addresses Pipedrive sends, as one line without hidden characters (lib/text/outside-text.ts). */
const text = z
  .string()
  .transform(plainLine)
  .nullish()
  .transform((v) => (v ? v : null));

const payloadSchema = z.object({
  success: z.boolean().optional(),
  data: z.object({
    id,
    company_id: id,
    name: text,
    email: text,
    company_name: text,
    company_domain: text,
    icon_url: text,
    locale: text,
    is_admin: z
      .union([z.boolean(), z.number()])
      .nullish()
      .transform((v) => v === true || v === 1),
    /** Current API versions: admin rights per Pipedrive product, e.g. `{ app: "sales", admin: true }`. */
    access: z
      .array(z.object({ app: z.string().nullish(), admin: z.union([z.boolean(), z.number()]).nullish() }).loose())
      .nullish()
      .catch(null),
  }),
});

/** Apps whose admins administer the company account (other entries are other products' rights). */
const ACCOUNT_APPS = new Set(["global", "sales"]);

/** `access[].admin` when Pipedrive sends it (newer API versions may omit `is_admin`), `is_admin` otherwise. */
function adminOf(d: { is_admin: boolean; access?: { app?: string | null; admin?: boolean | number | null }[] | null }) {
  const rights = (d.access ?? []).filter((a) => a.admin !== null && a.admin !== undefined);
  if (rights.length === 0) return d.is_admin;
  const account = rights.filter((a) => !a.app || ACCOUNT_APPS.has(a.app));
  return (account.length ? account : rights).some((a) => a.admin === true || a.admin === 1);
}

export type PipedriveIdentity = {
  /** Stable key for the OAuth account: `<company_id>:<user_id>`. */
  accountId: string;
  userId: number;
  companyId: number;
  name: string;
  email: string | null;
  image: string | null;
  locale: string | null;
  isAdmin: boolean;
  company: { id: number; name: string; domain: string | null };
  /** The names exactly as Pipedrive sent them (null when it sent none), where a made-up label would mislead. */
  sent: { name: string | null; companyName: string | null };
};

export class PipedriveProfileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PipedriveProfileError";
  }
}

export function parseUsersMe(payload: unknown): PipedriveIdentity {
  const result = payloadSchema.safeParse(payload);
  if (!result.success) {
    const fields = [...new Set(result.error.issues.map((i) => i.path.filter((p) => p !== "data").join(".") || "data"))];
    throw new PipedriveProfileError(`Pipedrive returned an unusable /users/me payload (${fields.join(", ")})`);
  }
  const d = result.data.data;
  const image = d.icon_url && /^https?:\/\//i.test(d.icon_url) ? d.icon_url : null;
  return {
    accountId: `${d.company_id}:${d.id}`,
    userId: d.id,
    companyId: d.company_id,
    name: d.name ?? d.email?.split("@")[0] ?? `Pipedrive user ${d.id}`,
    email: d.email,
    image,
    locale: d.locale,
    isAdmin: adminOf(d),
    company: {
      id: d.company_id,
      name: d.company_name ?? d.company_domain ?? `Pipedrive company ${d.company_id}`,
      domain: d.company_domain,
    },
    sent: { name: d.name, companyName: d.company_name },
  };
}
