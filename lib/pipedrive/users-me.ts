import { z } from "zod";

/**
 * Maps Pipedrive's `GET /v1/users/me` payload to the identity Listing Studio keeps.
 * Pipedrive sends ids as numbers, but tolerate numeric strings; anything that cannot
 * identify a user and a company is a clear error, never a half-made user.
 */

const id = z.union([z.number(), z.string().trim().regex(/^\d+$/)]).transform(Number).pipe(z.number().int().positive());
const text = z.string().trim().nullish().transform((v) => (v ? v : null));

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
    is_admin: z.union([z.boolean(), z.number()]).nullish().transform((v) => v === true || v === 1),
  }),
});

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
    isAdmin: d.is_admin,
    company: {
      id: d.company_id,
      name: d.company_name ?? d.company_domain ?? `Pipedrive company ${d.company_id}`,
      domain: d.company_domain,
    },
  };
}
