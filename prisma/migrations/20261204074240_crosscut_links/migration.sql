-- CreateEnum
CREATE TYPE "CrosscutStatus" AS ENUM ('PROPOSED', 'ACCEPTED', 'DECLINED', 'ENDED');

-- AlterEnum
ALTER TYPE "NotificationKind" ADD VALUE 'CROSSCUT_PROPOSED';

-- CreateTable
CREATE TABLE "CrosscutLink" (
    "id" TEXT NOT NULL,
    "governmentId" TEXT NOT NULL,
    "sourceAgencyId" TEXT NOT NULL,
    "sourceIndicatorId" TEXT NOT NULL,
    "targetAgencyId" TEXT NOT NULL,
    "targetNodeId" TEXT NOT NULL,
    "status" "CrosscutStatus" NOT NULL DEFAULT 'PROPOSED',
    "proposedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" TIMESTAMPTZ(3),
    "endedAt" TIMESTAMPTZ(3),
    "endedByAgencyId" TEXT,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CrosscutLink_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CrosscutLink_sourceAgencyId_status_idx" ON "CrosscutLink"("sourceAgencyId", "status");

-- CreateIndex
CREATE INDEX "CrosscutLink_targetAgencyId_status_idx" ON "CrosscutLink"("targetAgencyId", "status");

-- CreateIndex
CREATE INDEX "CrosscutLink_sourceIndicatorId_idx" ON "CrosscutLink"("sourceIndicatorId");

-- CreateIndex
CREATE INDEX "CrosscutLink_targetNodeId_idx" ON "CrosscutLink"("targetNodeId");

-- AddForeignKey
ALTER TABLE "CrosscutLink" ADD CONSTRAINT "CrosscutLink_governmentId_fkey" FOREIGN KEY ("governmentId") REFERENCES "Government"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CrosscutLink" ADD CONSTRAINT "CrosscutLink_sourceAgencyId_fkey" FOREIGN KEY ("sourceAgencyId") REFERENCES "Agency"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CrosscutLink" ADD CONSTRAINT "CrosscutLink_sourceIndicatorId_fkey" FOREIGN KEY ("sourceIndicatorId") REFERENCES "CascadeIndicator"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CrosscutLink" ADD CONSTRAINT "CrosscutLink_targetAgencyId_fkey" FOREIGN KEY ("targetAgencyId") REFERENCES "Agency"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CrosscutLink" ADD CONSTRAINT "CrosscutLink_targetNodeId_fkey" FOREIGN KEY ("targetNodeId") REFERENCES "CascadeNode"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Hand-written: one open (proposed or accepted) link per indicator and target node (decision 045).
CREATE UNIQUE INDEX "manual_crosscut_open_key" ON "CrosscutLink"("sourceIndicatorId", "targetNodeId") WHERE "status" IN ('PROPOSED', 'ACCEPTED');
