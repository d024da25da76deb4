-- CreateEnum
CREATE TYPE "FollowUpStatus" AS ENUM ('OPEN', 'DONE');

-- CreateEnum
CREATE TYPE "FollowUpSource" AS ENUM ('CYCLE', 'MANUAL', 'LKE');

-- AlterTable
ALTER TABLE "StoredFile" ADD COLUMN     "followUpId" TEXT;

-- CreateTable
CREATE TABLE "FollowUp" (
    "id" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "source" "FollowUpSource" NOT NULL DEFAULT 'MANUAL',
    "cycleId" TEXT,
    "recommendation" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "dueDate" DATE NOT NULL,
    "status" "FollowUpStatus" NOT NULL DEFAULT 'OPEN',
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "closeNote" TEXT,
    "noFileReason" TEXT,
    "closedAt" TIMESTAMPTZ(3),
    "closedById" TEXT,
    "reopenReason" TEXT,
    "reopenedAt" TIMESTAMPTZ(3),
    "reopenedById" TEXT,

    CONSTRAINT "FollowUp_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "FollowUp_agencyId_status_dueDate_idx" ON "FollowUp"("agencyId", "status", "dueDate");

-- CreateIndex
CREATE INDEX "FollowUp_cycleId_idx" ON "FollowUp"("cycleId");

-- CreateIndex
CREATE INDEX "FollowUp_unitId_idx" ON "FollowUp"("unitId");

-- CreateIndex
CREATE INDEX "StoredFile_followUpId_idx" ON "StoredFile"("followUpId");

-- AddForeignKey
ALTER TABLE "StoredFile" ADD CONSTRAINT "StoredFile_followUpId_fkey" FOREIGN KEY ("followUpId") REFERENCES "FollowUp"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowUp" ADD CONSTRAINT "FollowUp_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowUp" ADD CONSTRAINT "FollowUp_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "MeasurementCycle"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowUp" ADD CONSTRAINT "FollowUp_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowUp" ADD CONSTRAINT "FollowUp_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowUp" ADD CONSTRAINT "FollowUp_closedById_fkey" FOREIGN KEY ("closedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowUp" ADD CONSTRAINT "FollowUp_reopenedById_fkey" FOREIGN KEY ("reopenedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

