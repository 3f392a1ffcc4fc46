"use client";

import { useRouter } from "next/navigation";
import { toast } from "@/components/ui/toast";
import { deleteAppAction, setArchivedAction } from "@/lib/actions/apps";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

export function DangerZone({
  appId,
  name,
  archived,
  canDelete,
}: {
  appId: string;
  name: string;
  archived: boolean;
  canDelete: boolean;
}) {
  const router = useRouter();
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <div>
          <p className="text-sm font-medium text-slate-900">{archived ? "Restore this app" : "Archive this app"}</p>
          <p className="text-sm text-slate-600">
            Archived apps leave the Apps page; their listing and history are kept.
          </p>
        </div>
        {archived ? (
          <Button
            variant="secondary"
            onClick={async () => {
              const result = await setArchivedAction(appId, false);
              if (result.ok) {
                toast.success("App restored");
                router.refresh();
              } else toast.error(result.error.message);
            }}
          >
            Restore
          </Button>
        ) : (
          <ConfirmDialog
            trigger={<Button variant="secondary">Archive</Button>}
            title={`Archive ${name}?`}
            description="The app leaves the Apps page. You can restore it from the Archived list at any time."
            confirmLabel="Archive app"
            onConfirm={async () => {
              const result = await setArchivedAction(appId, true);
              if (!result.ok) return result.error.message;
              toast.success("App archived");
              router.push("/apps");
              return null;
            }}
          />
        )}
      </div>
      {canDelete ? (
        <div className="flex flex-wrap items-center justify-between gap-4 border-t border-slate-100 pt-4">
          <div>
            <p className="text-sm font-medium text-slate-900">Delete this app</p>
            <p className="text-sm text-slate-600">Deletes the app, its listing, versions and images for good.</p>
          </div>
          <ConfirmDialog
            trigger={<Button className="bg-red-600 hover:bg-red-700">Delete</Button>}
            title={`Delete ${name}?`}
            description="This cannot be undone. The listing, its versions and its images are deleted."
            confirmLabel="Delete app"
            typeToConfirm={name}
            onConfirm={async (typed) => {
              const result = await deleteAppAction(appId, typed);
              if (!result.ok) return result.error.fields?.confirmName ?? result.error.message;
              toast.success("App deleted");
              router.push("/apps");
              return null;
            }}
          />
        </div>
      ) : null}
    </div>
  );
}
