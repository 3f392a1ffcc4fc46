-- AlterTable
ALTER TABLE "Asset" ADD COLUMN "visibleOnDark" REAL;
ALTER TABLE "Asset" ADD COLUMN "visibleOnLight" REAL;

