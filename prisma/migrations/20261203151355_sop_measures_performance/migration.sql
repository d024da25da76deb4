-- AlterTable
ALTER TABLE "Sop" ADD COLUMN     "measuresPerformance" BOOLEAN;

