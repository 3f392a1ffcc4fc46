"use client";

import * as Dialog from "@radix-ui/react-alert-dialog";
import { Button } from "@/components/ui/button";
import type { DraftState } from "@/lib/listing/types";
import { changedFields, FIELDS } from "@/lib/listing/fields";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";

const show = (value: unknown) => {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "string") return value;
  if (Array.isArray(value)) {
    return (
      value
        .map((v) =>
          typeof v === "object" && v
            ? Object.values(v as object)
                .filter(Boolean)
                .join(" — ")
            : String(v),
        )
        .join("\n") || "—"
    );
  }
  return JSON.stringify(value);
};

/** Shown when someone else saved first: what differs, and the choice of whose version to keep. */
export function ConflictDialog({
  conflict,
  onResolve,
}: {
  conflict: { current: DraftState; mine: Record<string, unknown> } | null;
  onResolve: (choice: "mine" | "theirs") => void;
}) {
  const fields = conflict ? changedFields(conflict.mine, conflict.current.data) : [];
  return (
    <Dialog.Root open={conflict !== null}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
        <Dialog.Content className="fixed top-1/2 left-1/2 z-50 max-h-[85vh] w-[min(48rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-xl bg-white p-6 shadow-xl">
          <Dialog.Title className="text-lg font-semibold text-slate-900">
            {conflict?.current.updatedByYou
              ? "You saved this listing in another tab or window while you were editing here"
              : `${conflict?.current.updatedBy ?? "Someone"} saved this listing while you were editing`}
          </Dialog.Title>
          <Dialog.Description className="mt-1 text-sm text-slate-600">
            Nothing was overwritten. Choose which version to keep; your text is still in the editor until you choose.
          </Dialog.Description>
          <Table density="compact" className="mt-4 table-fixed">
            <THead>
              <tr>
                <Th className="w-40">Field</Th>
                <Th>Yours</Th>
                <Th>Theirs (newer)</Th>
              </tr>
            </THead>
            <TBody className="align-top">
              {fields.map((field) => (
                <tr key={field} data-testid={`conflict-${field}`}>
                  <Th scope="row" className="font-medium text-slate-800">
                    {FIELDS[field].label}
                  </Th>
                  <Td className="break-words whitespace-pre-wrap text-slate-700">{show(conflict?.mine[field])}</Td>
                  <Td className="break-words whitespace-pre-wrap text-slate-700">
                    {show(conflict?.current.data[field])}
                  </Td>
                </tr>
              ))}
            </TBody>
          </Table>
          <div className="mt-6 flex justify-end gap-2">
            <Button variant="secondary" onClick={() => onResolve("theirs")}>
              Take theirs
            </Button>
            <Button onClick={() => onResolve("mine")}>Keep mine</Button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
