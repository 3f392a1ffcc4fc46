-- CreateTable
CREATE TABLE "ListLeader" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "listKey" TEXT NOT NULL,
    "listName" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "slug" TEXT,
    "name" TEXT,
    "rank" INTEGER NOT NULL,
    "readAt" DATETIME NOT NULL,
    CONSTRAINT "ListLeader_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "ListLeader_workspaceId_listKey_clientId_key" ON "ListLeader"("workspaceId", "listKey", "clientId");

