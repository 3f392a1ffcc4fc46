-- AlterTable
ALTER TABLE "Membership" ADD COLUMN "visitedAt" DATETIME;
ALTER TABLE "Membership" ADD COLUMN "visitSince" DATETIME;
ALTER TABLE "Membership" ADD COLUMN "checklistDismissedAt" DATETIME;
