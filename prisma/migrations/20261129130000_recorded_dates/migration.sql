-- The day Pipedrive acted, recorded with each status change; earlier events took effect when they were recorded.
-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_AppEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "appId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "fromStatus" TEXT,
    "toStatus" TEXT NOT NULL,
    "note" TEXT,
    "versionId" TEXT,
    "actorId" TEXT,
    "occurredAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AppEvent_appId_fkey" FOREIGN KEY ("appId") REFERENCES "App" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_AppEvent" ("id", "appId", "kind", "fromStatus", "toStatus", "note", "versionId", "actorId", "occurredAt", "createdAt")
SELECT "id", "appId", "kind", "fromStatus", "toStatus", "note", "versionId", "actorId", "createdAt", "createdAt" FROM "AppEvent";
DROP TABLE "AppEvent";
ALTER TABLE "new_AppEvent" RENAME TO "AppEvent";
CREATE INDEX "AppEvent_appId_createdAt_idx" ON "AppEvent"("appId", "createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
