-- AlterTable
ALTER TABLE "App" ADD COLUMN "clientRejectedAt" DATETIME;

-- AlterTable
ALTER TABLE "RatingSnapshot" ADD COLUMN "votesUp" INTEGER;
ALTER TABLE "RatingSnapshot" ADD COLUMN "votesDown" INTEGER;

-- AlterTable
ALTER TABLE "Review" ADD COLUMN "anchor" TEXT;

-- AlterTable
ALTER TABLE "SyncRunApp" ADD COLUMN "report" TEXT;
