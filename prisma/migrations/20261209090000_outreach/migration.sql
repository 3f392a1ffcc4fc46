-- CreateTable
CREATE TABLE "AppOutreach" (
    "appId" TEXT NOT NULL PRIMARY KEY,
    "requestsOn" BOOLEAN NOT NULL DEFAULT false,
    "requestsSince" DATETIME,
    "requestDays" INTEGER NOT NULL DEFAULT 14,
    "askExisting" BOOLEAN NOT NULL DEFAULT false,
    "senderName" TEXT,
    "requestSubject" TEXT NOT NULL,
    "requestBody" TEXT NOT NULL,
    "quietFrom" INTEGER NOT NULL DEFAULT 20,
    "quietTo" INTEGER NOT NULL DEFAULT 9,
    "surveyOn" BOOLEAN NOT NULL DEFAULT false,
    "surveySince" DATETIME,
    "surveyReasons" TEXT NOT NULL,
    "linkCode" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "AppOutreach_appId_fkey" FOREIGN KEY ("appId") REFERENCES "App" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OutreachSend" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "appId" TEXT NOT NULL,
    "companyId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "userId" INTEGER,
    "name" TEXT,
    "email" TEXT,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "reason" TEXT,
    "dueAt" DATETIME NOT NULL,
    "claimedBy" TEXT,
    "claimedUntil" DATETIME,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "sentAt" DATETIME,
    "openedAt" DATETIME,
    "reviewId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "OutreachSend_appId_fkey" FOREIGN KEY ("appId") REFERENCES "App" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SurveyAnswer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sendId" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "appId" TEXT NOT NULL,
    "companyId" INTEGER NOT NULL,
    "reason" TEXT,
    "reasonLabel" TEXT,
    "text" TEXT,
    "answeredAt" DATETIME NOT NULL,
    CONSTRAINT "SurveyAnswer_sendId_fkey" FOREIGN KEY ("sendId") REFERENCES "OutreachSend" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OutreachOptOut" (
    "workspaceId" TEXT NOT NULL,
    "emailHash" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("workspaceId", "emailHash"),
    CONSTRAINT "OutreachOptOut_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReviewLinkDaily" (
    "appId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "clicks" INTEGER NOT NULL DEFAULT 0,
    "fromEmail" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("appId", "day"),
    CONSTRAINT "ReviewLinkDaily_appId_fkey" FOREIGN KEY ("appId") REFERENCES "App" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "AppOutreach_linkCode_key" ON "AppOutreach"("linkCode");

-- CreateIndex
CREATE INDEX "OutreachSend_status_dueAt_idx" ON "OutreachSend"("status", "dueAt");

-- CreateIndex
CREATE INDEX "OutreachSend_appId_kind_sentAt_idx" ON "OutreachSend"("appId", "kind", "sentAt");

-- CreateIndex
CREATE INDEX "OutreachSend_workspaceId_companyId_idx" ON "OutreachSend"("workspaceId", "companyId");

-- CreateIndex
CREATE INDEX "OutreachSend_workspaceId_sentAt_idx" ON "OutreachSend"("workspaceId", "sentAt");

-- CreateIndex
CREATE UNIQUE INDEX "OutreachSend_appId_companyId_kind_key_key" ON "OutreachSend"("appId", "companyId", "kind", "key");

-- CreateIndex
CREATE UNIQUE INDEX "SurveyAnswer_sendId_key" ON "SurveyAnswer"("sendId");

-- CreateIndex
CREATE INDEX "SurveyAnswer_appId_answeredAt_idx" ON "SurveyAnswer"("appId", "answeredAt");

-- CreateIndex
CREATE INDEX "SurveyAnswer_workspaceId_companyId_idx" ON "SurveyAnswer"("workspaceId", "companyId");

