-- A sync run's heartbeat, and how often it was continued after its process died.
ALTER TABLE "SyncRun" ADD COLUMN "heartbeatAt" DATETIME;
ALTER TABLE "SyncRun" ADD COLUMN "resumes" INTEGER NOT NULL DEFAULT 0;

-- One result per app and run. A run never read an app twice; were there such a pair, its latest result stays.
DELETE FROM "SyncRunApp" WHERE "id" IN (
  SELECT a."id" FROM "SyncRunApp" a JOIN "SyncRunApp" b
    ON a."runId" = b."runId" AND a."appId" = b."appId"
   AND (a."finishedAt" < b."finishedAt" OR (a."finishedAt" = b."finishedAt" AND a."id" < b."id"))
);
DROP INDEX "SyncRunApp_runId_idx";
CREATE UNIQUE INDEX "SyncRunApp_runId_appId_key" ON "SyncRunApp"("runId", "appId");
