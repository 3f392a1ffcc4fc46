import { z } from "zod";

/** What each install event does in the partner's own Pipedrive. */
export const crmSettingsSchema = z
  .object({
    createPerson: z.boolean(),
    target: z.enum(["NONE", "LEAD", "DEAL"]),
    pipelineId: z.coerce.number().int().positive().nullable().catch(null),
    stageId: z.coerce.number().int().positive().nullable().catch(null),
    onUninstall: z.enum(["LOSE", "NOTE", "NONE"]),
    reopenOnReinstall: z.boolean(),
  })
  .superRefine((v, ctx) => {
    if (v.target !== "DEAL") return;
    if (!v.pipelineId) ctx.addIssue({ code: "custom", path: ["pipelineId"], message: "Choose a pipeline" });
    if (!v.stageId) ctx.addIssue({ code: "custom", path: ["stageId"], message: "Choose a stage" });
  });
export type CrmSettingsInput = z.input<typeof crmSettingsSchema>;
