import type { ActionResult } from "@/lib/actions/types";
import type { SubmissionState } from "@/lib/submission/types";

/** Wraps an action's result: on success, shows `message` and refreshes the page; the result is handed back. */
export type Done = (message: string) => <R extends ActionResult<unknown>>(result: R) => R;

/** What each section of the submission page is given. */
export type SectionProps = {
  appId: string;
  state: SubmissionState;
  canEdit: boolean;
  done: Done;
};
