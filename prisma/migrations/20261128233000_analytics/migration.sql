
-- CreateTable
CREATE TABLE "ShareViewDaily" (
    "appId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "views" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("appId", "day"),
    CONSTRAINT "ShareViewDaily_appId_fkey" FOREIGN KEY ("appId") REFERENCES "App" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Workspace" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "pipedriveCompanyId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "domain" TEXT,
    "timeZone" TEXT NOT NULL DEFAULT 'UTC',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Workspace" ("createdAt", "domain", "id", "name", "pipedriveCompanyId", "updatedAt") SELECT "createdAt", "domain", "id", "name", "pipedriveCompanyId", "updatedAt" FROM "Workspace";
DROP TABLE "Workspace";
ALTER TABLE "new_Workspace" RENAME TO "Workspace";
CREATE UNIQUE INDEX "Workspace_pipedriveCompanyId_key" ON "Workspace"("pipedriveCompanyId");
CREATE TABLE "new_InstallDaily" (
    "appId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "installStarted" INTEGER NOT NULL DEFAULT 0,
    "consentDenied" INTEGER NOT NULL DEFAULT 0,
    "consentGranted" INTEGER NOT NULL DEFAULT 0,
    "installs" INTEGER NOT NULL DEFAULT 0,
    "uninstalls" INTEGER NOT NULL DEFAULT 0,
    "activeEnd" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("appId", "day"),
    CONSTRAINT "InstallDaily_appId_fkey" FOREIGN KEY ("appId") REFERENCES "App" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_InstallDaily" ("activeEnd", "appId", "consentDenied", "day", "installStarted", "installs", "uninstalls") SELECT "activeEnd", "appId", "consentDenied", "day", "installStarted", "installs", "uninstalls" FROM "InstallDaily";
DROP TABLE "InstallDaily";
ALTER TABLE "new_InstallDaily" RENAME TO "InstallDaily";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Installation_appId_installedAt_idx" ON "Installation"("appId", "installedAt");

-- CreateIndex
CREATE INDEX "Review_appId_reviewedAt_idx" ON "Review"("appId", "reviewedAt");

