-- DropIndex
DROP INDEX "AuditEvent_workspaceId_action_idx";

-- DropIndex
DROP INDEX "Review_appId_status_idx";

-- DropIndex
DROP INDEX "ShareLink_appId_idx";

-- CreateIndex
CREATE INDEX "AuditEvent_workspaceId_action_createdAt_idx" ON "AuditEvent"("workspaceId", "action", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEvent_workspaceId_actorId_createdAt_idx" ON "AuditEvent"("workspaceId", "actorId", "createdAt");

-- CreateIndex
CREATE INDEX "Review_appId_status_removedAt_reviewedAt_firstSeenAt_idx" ON "Review"("appId", "status", "removedAt", "reviewedAt", "firstSeenAt");

-- CreateIndex
CREATE INDEX "Review_appId_status_repliedAt_idx" ON "Review"("appId", "status", "repliedAt");

-- CreateIndex
CREATE INDEX "ShareLink_appId_createdAt_idx" ON "ShareLink"("appId", "createdAt");

