-- CreateTable
CREATE TABLE "Installation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "appId" TEXT NOT NULL,
    "companyId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,
    "companyName" TEXT,
    "userName" TEXT,
    "scopes" TEXT NOT NULL DEFAULT '',
    "source" TEXT NOT NULL,
    "installedAt" DATETIME NOT NULL,
    "uninstalledAt" DATETIME,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Installation_appId_fkey" FOREIGN KEY ("appId") REFERENCES "App" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "InstallEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "appId" TEXT NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "companyId" INTEGER,
    "userId" INTEGER,
    "occurredAt" DATETIME NOT NULL,
    "scopes" TEXT,
    "source" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "InstallEvent_appId_fkey" FOREIGN KEY ("appId") REFERENCES "App" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "InstallDaily" (
    "appId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "installStarted" INTEGER NOT NULL DEFAULT 0,
    "consentDenied" INTEGER NOT NULL DEFAULT 0,
    "installs" INTEGER NOT NULL DEFAULT 0,
    "uninstalls" INTEGER NOT NULL DEFAULT 0,
    "activeEnd" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("appId", "day"),
    CONSTRAINT "InstallDaily_appId_fkey" FOREIGN KEY ("appId") REFERENCES "App" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "appId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "claimedBy" TEXT,
    "claimedUntil" DATETIME,
    "lastStatus" INTEGER,
    "lastError" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deliveredAt" DATETIME,
    CONSTRAINT "OutboxMessage_appId_fkey" FOREIGN KEY ("appId") REFERENCES "App" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" DATETIME,
    "revokedAt" DATETIME,
    CONSTRAINT "ApiToken_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_App" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'DRAFT',
    "clientId" TEXT NOT NULL,
    "callbackUrl" TEXT NOT NULL,
    "installationUrl" TEXT,
    "clientSecret" TEXT,
    "archivedAt" DATETIME,
    "approvedVersionId" TEXT,
    "changesStatus" TEXT,
    "reviewStartedAt" DATETIME,
    "appKey" TEXT,
    "handoffMode" TEXT NOT NULL DEFAULT 'RECORD_ONLY',
    "handoffUrl" TEXT,
    "handoffSecret" TEXT,
    "onboardingUrl" TEXT,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "App_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_App" ("approvedVersionId", "archivedAt", "callbackUrl", "changesStatus", "clientId", "clientSecret", "createdAt", "createdById", "id", "installationUrl", "name", "reviewStartedAt", "status", "type", "updatedAt", "workspaceId") SELECT "approvedVersionId", "archivedAt", "callbackUrl", "changesStatus", "clientId", "clientSecret", "createdAt", "createdById", "id", "installationUrl", "name", "reviewStartedAt", "status", "type", "updatedAt", "workspaceId" FROM "App";
DROP TABLE "App";
ALTER TABLE "new_App" RENAME TO "App";
CREATE UNIQUE INDEX "App_appKey_key" ON "App"("appKey");
CREATE INDEX "App_workspaceId_idx" ON "App"("workspaceId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Installation_appId_uninstalledAt_idx" ON "Installation"("appId", "uninstalledAt");

-- CreateIndex
CREATE UNIQUE INDEX "Installation_appId_companyId_userId_key" ON "Installation"("appId", "companyId", "userId");

-- CreateIndex
CREATE INDEX "InstallEvent_appId_occurredAt_idx" ON "InstallEvent"("appId", "occurredAt");

-- CreateIndex
CREATE UNIQUE INDEX "InstallEvent_appId_dedupeKey_key" ON "InstallEvent"("appId", "dedupeKey");

-- CreateIndex
CREATE INDEX "OutboxMessage_status_nextAttemptAt_idx" ON "OutboxMessage"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "OutboxMessage_appId_createdAt_idx" ON "OutboxMessage"("appId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");

-- CreateIndex
CREATE INDEX "ApiToken_workspaceId_idx" ON "ApiToken"("workspaceId");

