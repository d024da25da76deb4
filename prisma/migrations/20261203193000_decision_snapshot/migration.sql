-- AlterTable
ALTER TABLE "CycleTask" ADD COLUMN     "decisionSnapshotHash" CHAR(64);

-- CreateTable
CREATE TABLE "DecisionSnapshot" (
    "id" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "cycleId" TEXT NOT NULL,
    "taskId" TEXT NOT NULL,
    "outcome" "TaskOutcome" NOT NULL,
    "hash" CHAR(64) NOT NULL,
    "content" TEXT NOT NULL,
    "unverified" INTEGER NOT NULL DEFAULT 0,
    "decidedById" TEXT NOT NULL,
    "decidedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "DecisionSnapshot_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "DecisionSnapshot_taskId_key" ON "DecisionSnapshot"("taskId");

-- CreateIndex
CREATE INDEX "DecisionSnapshot_agencyId_cycleId_idx" ON "DecisionSnapshot"("agencyId", "cycleId");

-- AddForeignKey
ALTER TABLE "DecisionSnapshot" ADD CONSTRAINT "DecisionSnapshot_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DecisionSnapshot" ADD CONSTRAINT "DecisionSnapshot_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "MeasurementCycle"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DecisionSnapshot" ADD CONSTRAINT "DecisionSnapshot_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "CycleTask"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DecisionSnapshot" ADD CONSTRAINT "DecisionSnapshot_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

