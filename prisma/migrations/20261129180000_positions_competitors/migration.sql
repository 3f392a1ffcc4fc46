-- AlterTable
ALTER TABLE "SyncRun" ADD COLUMN "competitorsError" TEXT;
ALTER TABLE "SyncRun" ADD COLUMN "positionsError" TEXT;

-- CreateTable
CREATE TABLE "RankSnapshot" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "appId" TEXT,
    "competitorId" TEXT,
    "runId" TEXT,
    "listKind" TEXT NOT NULL,
    "listKey" TEXT NOT NULL,
    "listName" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "rank" INTEGER,
    "listSize" INTEGER NOT NULL,
    "takenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RankSnapshot_appId_fkey" FOREIGN KEY ("appId") REFERENCES "App" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RankSnapshot_competitorId_fkey" FOREIGN KEY ("competitorId") REFERENCES "Competitor" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RankSnapshot_runId_fkey" FOREIGN KEY ("runId") REFERENCES "SyncRun" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Competitor" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "appId" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "removedAt" DATETIME,
    "lastError" TEXT,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Competitor_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Competitor_appId_fkey" FOREIGN KEY ("appId") REFERENCES "App" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CompetitorSnapshot" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "competitorId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "average" REAL,
    "reviewCount" INTEGER NOT NULL,
    "installBand" TEXT,
    "votesUp" INTEGER,
    "votesDown" INTEGER,
    "takenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CompetitorSnapshot_competitorId_fkey" FOREIGN KEY ("competitorId") REFERENCES "Competitor" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CompetitorReview" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "competitorId" TEXT NOT NULL,
    "externalKey" TEXT NOT NULL,
    "author" TEXT NOT NULL,
    "stars" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "reviewedAt" DATETIME,
    "firstSeenAt" DATETIME,
    CONSTRAINT "CompetitorReview_competitorId_fkey" FOREIGN KEY ("competitorId") REFERENCES "Competitor" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "RankSnapshot_appId_day_idx" ON "RankSnapshot"("appId", "day");

-- CreateIndex
CREATE INDEX "RankSnapshot_competitorId_day_idx" ON "RankSnapshot"("competitorId", "day");

-- CreateIndex
CREATE UNIQUE INDEX "RankSnapshot_appId_listKind_listKey_day_key" ON "RankSnapshot"("appId", "listKind", "listKey", "day");

-- CreateIndex
CREATE UNIQUE INDEX "RankSnapshot_competitorId_listKind_listKey_day_key" ON "RankSnapshot"("competitorId", "listKind", "listKey", "day");

-- CreateIndex
CREATE INDEX "Competitor_workspaceId_idx" ON "Competitor"("workspaceId");

-- CreateIndex
CREATE UNIQUE INDEX "Competitor_appId_clientId_key" ON "Competitor"("appId", "clientId");

-- CreateIndex
CREATE UNIQUE INDEX "CompetitorSnapshot_competitorId_day_key" ON "CompetitorSnapshot"("competitorId", "day");

-- CreateIndex
CREATE INDEX "CompetitorReview_competitorId_firstSeenAt_idx" ON "CompetitorReview"("competitorId", "firstSeenAt");

-- CreateIndex
CREATE UNIQUE INDEX "CompetitorReview_competitorId_externalKey_key" ON "CompetitorReview"("competitorId", "externalKey");

