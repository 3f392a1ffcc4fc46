
-- AlterTable
ALTER TABLE "InstallDaily" ADD COLUMN "customersEnd" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "InstallDaily" ADD COLUMN "keptDays" TEXT NOT NULL DEFAULT '{}';
ALTER TABLE "InstallDaily" ADD COLUMN "openStarts" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "InstallDaily" ADD COLUMN "reinstalls" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Installation" ADD COLUMN "userEmail" TEXT;

-- CreateTable
CREATE TABLE "Customer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "companyId" INTEGER NOT NULL,
    "companyName" TEXT,
    "companyDomain" TEXT,
    "status" TEXT NOT NULL,
    "activeInstalls" INTEGER NOT NULL DEFAULT 0,
    "reinstalls" INTEGER NOT NULL DEFAULT 0,
    "firstInstalledAt" DATETIME,
    "installedAt" DATETIME,
    "uninstalledAt" DATETIME,
    "lastChangeAt" DATETIME NOT NULL,
    "sources" TEXT NOT NULL DEFAULT '',
    "tags" TEXT NOT NULL DEFAULT '[]',
    "erasedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Customer_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CustomerApp" (
    "customerId" TEXT NOT NULL,
    "appId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "activeInstalls" INTEGER NOT NULL DEFAULT 0,
    "reinstalls" INTEGER NOT NULL DEFAULT 0,
    "firstInstalledAt" DATETIME,
    "installedAt" DATETIME,
    "uninstalledAt" DATETIME,
    "reinstalledAt" DATETIME,
    "lastChangeAt" DATETIME NOT NULL,
    "sources" TEXT NOT NULL DEFAULT '',
    "history" TEXT NOT NULL DEFAULT '[]',

    PRIMARY KEY ("customerId", "appId"),
    CONSTRAINT "CustomerApp_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CustomerApp_appId_fkey" FOREIGN KEY ("appId") REFERENCES "App" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CustomerNote" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "customerId" TEXT NOT NULL,
    "authorId" TEXT,
    "authorName" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CustomerNote_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CrmConnection" (
    "workspaceId" TEXT NOT NULL PRIMARY KEY,
    "companyId" INTEGER NOT NULL,
    "companyName" TEXT,
    "apiDomain" TEXT NOT NULL,
    "accessToken" TEXT NOT NULL,
    "refreshToken" TEXT NOT NULL,
    "accessExpiresAt" DATETIME NOT NULL,
    "scope" TEXT NOT NULL DEFAULT '',
    "connectedById" TEXT,
    "connectedByName" TEXT NOT NULL,
    "connectedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createPerson" BOOLEAN NOT NULL DEFAULT true,
    "target" TEXT NOT NULL DEFAULT 'DEAL',
    "pipelineId" INTEGER,
    "stageId" INTEGER,
    "onUninstall" TEXT NOT NULL DEFAULT 'LOSE',
    "reopenOnReinstall" BOOLEAN NOT NULL DEFAULT true,
    "backfillAt" DATETIME,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "CrmConnection_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CrmLink" (
    "workspaceId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "remoteId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("workspaceId", "kind", "key"),
    CONSTRAINT "CrmLink_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Customer_workspaceId_lastChangeAt_idx" ON "Customer"("workspaceId", "lastChangeAt");

-- CreateIndex
CREATE INDEX "Customer_workspaceId_status_lastChangeAt_idx" ON "Customer"("workspaceId", "status", "lastChangeAt");

-- CreateIndex
CREATE UNIQUE INDEX "Customer_workspaceId_companyId_key" ON "Customer"("workspaceId", "companyId");

-- CreateIndex
CREATE INDEX "CustomerApp_appId_lastChangeAt_idx" ON "CustomerApp"("appId", "lastChangeAt");

-- CreateIndex
CREATE INDEX "CustomerNote_customerId_createdAt_idx" ON "CustomerNote"("customerId", "createdAt");


-- Customers from the installations already stored. Their comebacks are counted by `npm run rollups:rebuild`, which
-- replays every app's events (docs/operations.md).
INSERT INTO "Customer" ("id", "workspaceId", "companyId", "companyName", "status", "lastChangeAt", "createdAt")
SELECT 'cm' || lower(hex(randomblob(11))), a."workspaceId", i."companyId", MAX(i."companyName"), 'UNINSTALLED',
       MAX(COALESCE(i."uninstalledAt", i."installedAt")), CURRENT_TIMESTAMP
FROM "Installation" i JOIN "App" a ON a."id" = i."appId"
GROUP BY a."workspaceId", i."companyId";

INSERT INTO "CustomerApp" ("customerId", "appId", "status", "activeInstalls", "firstInstalledAt", "installedAt",
                           "uninstalledAt", "lastChangeAt", "sources")
SELECT c."id", i."appId",
       CASE WHEN SUM(i."uninstalledAt" IS NULL) > 0 THEN 'INSTALLED' ELSE 'UNINSTALLED' END,
       SUM(i."uninstalledAt" IS NULL),
       MIN(CASE WHEN i."uninstalledAt" IS NULL OR i."uninstalledAt" > i."installedAt" THEN i."installedAt" END),
       MIN(CASE WHEN i."uninstalledAt" IS NULL THEN i."installedAt" END),
       CASE WHEN SUM(i."uninstalledAt" IS NULL) = 0 THEN MAX(i."uninstalledAt") END,
       MAX(COALESCE(i."uninstalledAt", i."installedAt")),
       REPLACE(group_concat(DISTINCT i."source"), ',', ' ')
FROM "Installation" i
JOIN "App" a ON a."id" = i."appId"
JOIN "Customer" c ON c."workspaceId" = a."workspaceId" AND c."companyId" = i."companyId"
GROUP BY c."id", i."appId";

UPDATE "Customer" SET
  "activeInstalls" = (SELECT SUM(ca."activeInstalls") FROM "CustomerApp" ca WHERE ca."customerId" = "Customer"."id"),
  "firstInstalledAt" = (SELECT MIN(ca."firstInstalledAt") FROM "CustomerApp" ca WHERE ca."customerId" = "Customer"."id"),
  "installedAt" = (SELECT MIN(ca."installedAt") FROM "CustomerApp" ca WHERE ca."customerId" = "Customer"."id"),
  "uninstalledAt" = (SELECT CASE WHEN SUM(ca."activeInstalls") = 0 THEN MAX(ca."uninstalledAt") END
                     FROM "CustomerApp" ca WHERE ca."customerId" = "Customer"."id"),
  "status" = (SELECT CASE WHEN SUM(ca."activeInstalls") > 0 THEN 'INSTALLED' ELSE 'UNINSTALLED' END
              FROM "CustomerApp" ca WHERE ca."customerId" = "Customer"."id"),
  "sources" = (SELECT REPLACE(group_concat(DISTINCT i."source"), ',', ' ') FROM "Installation" i
               JOIN "App" a ON a."id" = i."appId"
               WHERE a."workspaceId" = "Customer"."workspaceId" AND i."companyId" = "Customer"."companyId");
