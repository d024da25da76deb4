-- AlterTable
ALTER TABLE "MeasurementCycle" ADD COLUMN     "archiveNote" TEXT;

