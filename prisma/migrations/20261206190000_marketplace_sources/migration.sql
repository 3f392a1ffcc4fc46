-- CreateTable
CREATE TABLE "MarketplaceCapture" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "appId" TEXT,
    "competitorId" TEXT,
    "runId" TEXT,
    "kind" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "finalUrl" TEXT NOT NULL,
    "status" INTEGER NOT NULL,
    "headers" TEXT NOT NULL,
    "body" BLOB NOT NULL,
    "truncated" BOOLEAN NOT NULL DEFAULT false,
    "reason" TEXT NOT NULL,
    "fetchedAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "MarketplaceCapture_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "MarketplaceCapture_appId_fkey" FOREIGN KEY ("appId") REFERENCES "App" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "MarketplaceCapture_runId_fkey" FOREIGN KEY ("runId") REFERENCES "SyncRun" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MarketplaceCategory" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_RatingSnapshot" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "appId" TEXT NOT NULL,
    "runId" TEXT,
    "takenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "average" REAL,
    "reviewCount" INTEGER,
    "installBand" TEXT,
    "votesUp" INTEGER,
    "votesDown" INTEGER,
    CONSTRAINT "RatingSnapshot_appId_fkey" FOREIGN KEY ("appId") REFERENCES "App" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RatingSnapshot_runId_fkey" FOREIGN KEY ("runId") REFERENCES "SyncRun" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_RatingSnapshot" ("appId", "average", "id", "installBand", "reviewCount", "runId", "takenAt", "votesDown", "votesUp") SELECT "appId", "average", "id", "installBand", "reviewCount", "runId", "takenAt", "votesDown", "votesUp" FROM "RatingSnapshot";
DROP TABLE "RatingSnapshot";
ALTER TABLE "new_RatingSnapshot" RENAME TO "RatingSnapshot";
CREATE INDEX "RatingSnapshot_appId_takenAt_idx" ON "RatingSnapshot"("appId", "takenAt");
CREATE TABLE "new_CompetitorSnapshot" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "competitorId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "average" REAL,
    "reviewCount" INTEGER,
    "installBand" TEXT,
    "votesUp" INTEGER,
    "votesDown" INTEGER,
    "takenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CompetitorSnapshot_competitorId_fkey" FOREIGN KEY ("competitorId") REFERENCES "Competitor" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_CompetitorSnapshot" ("average", "competitorId", "day", "id", "installBand", "reviewCount", "takenAt", "votesDown", "votesUp") SELECT "average", "competitorId", "day", "id", "installBand", "reviewCount", "takenAt", "votesDown", "votesUp" FROM "CompetitorSnapshot";
DROP TABLE "CompetitorSnapshot";
ALTER TABLE "new_CompetitorSnapshot" RENAME TO "CompetitorSnapshot";
CREATE UNIQUE INDEX "CompetitorSnapshot_competitorId_day_key" ON "CompetitorSnapshot"("competitorId", "day");
CREATE TABLE "new_SyncRun" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'RUNNING',
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME,
    "appsTotal" INTEGER NOT NULL DEFAULT 0,
    "appsDone" INTEGER NOT NULL DEFAULT 0,
    "added" INTEGER NOT NULL DEFAULT 0,
    "updated" INTEGER NOT NULL DEFAULT 0,
    "removed" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "positionsError" TEXT,
    "competitorsError" TEXT,
    "waitedMs" INTEGER NOT NULL DEFAULT 0,
    "requests" INTEGER NOT NULL DEFAULT 0,
    "startedById" TEXT,
    CONSTRAINT "SyncRun_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_SyncRun" ("added", "appsDone", "appsTotal", "competitorsError", "error", "finishedAt", "id", "positionsError", "removed", "startedAt", "startedById", "status", "trigger", "updated", "workspaceId") SELECT "added", "appsDone", "appsTotal", "competitorsError", "error", "finishedAt", "id", "positionsError", "removed", "startedAt", "startedById", "status", "trigger", "updated", "workspaceId" FROM "SyncRun";
DROP TABLE "SyncRun";
ALTER TABLE "new_SyncRun" RENAME TO "SyncRun";
CREATE INDEX "SyncRun_workspaceId_startedAt_idx" ON "SyncRun"("workspaceId", "startedAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "MarketplaceCapture_workspaceId_createdAt_idx" ON "MarketplaceCapture"("workspaceId", "createdAt");

-- CreateIndex
CREATE INDEX "MarketplaceCapture_appId_createdAt_idx" ON "MarketplaceCapture"("appId", "createdAt");

-- CreateIndex
CREATE INDEX "MarketplaceCapture_competitorId_createdAt_idx" ON "MarketplaceCapture"("competitorId", "createdAt");

-- CreateIndex
CREATE INDEX "MarketplaceCapture_runId_idx" ON "MarketplaceCapture"("runId");

-- CreateIndex
CREATE INDEX "MarketplaceCategory_name_idx" ON "MarketplaceCategory"("name");

