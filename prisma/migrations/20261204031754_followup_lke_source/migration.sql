-- AlterTable
ALTER TABLE "FollowUp" ADD COLUMN     "lkeCriterionCode" TEXT,
ADD COLUMN     "lkeEvaluationId" TEXT;

-- CreateIndex
CREATE INDEX "FollowUp_lkeEvaluationId_idx" ON "FollowUp"("lkeEvaluationId");

-- AddForeignKey
ALTER TABLE "FollowUp" ADD CONSTRAINT "FollowUp_lkeEvaluationId_fkey" FOREIGN KEY ("lkeEvaluationId") REFERENCES "LkeEvaluation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

