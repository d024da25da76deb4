-- AlterTable
ALTER TABLE "MeasurementCycle" ADD COLUMN     "startOverrideReason" TEXT;

