-- AlterTable
ALTER TABLE "Competitor" ADD COLUMN "listing" TEXT;

-- CreateTable
CREATE TABLE "CompetitorChange" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "competitorId" TEXT NOT NULL,
    "field" TEXT NOT NULL,
    "before" TEXT NOT NULL,
    "after" TEXT NOT NULL,
    "detectedAt" DATETIME NOT NULL,
    CONSTRAINT "CompetitorChange_competitorId_fkey" FOREIGN KEY ("competitorId") REFERENCES "Competitor" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "CompetitorChange_competitorId_detectedAt_idx" ON "CompetitorChange"("competitorId", "detectedAt");

