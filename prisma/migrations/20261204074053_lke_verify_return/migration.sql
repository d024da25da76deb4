-- AlterEnum
ALTER TYPE "LkeStatus" ADD VALUE 'VERIFIED' AFTER 'SUBMITTED';

-- AlterTable
ALTER TABLE "LkeEvaluation" ADD COLUMN     "round" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "verifiedAt" TIMESTAMPTZ(3),
ADD COLUMN     "verifiedById" TEXT;

-- CreateTable
CREATE TABLE "LkeReturn" (
    "id" TEXT NOT NULL,
    "evaluationId" TEXT NOT NULL,
    "round" INTEGER NOT NULL,
    "fromStatus" "LkeStatus" NOT NULL,
    "reason" TEXT NOT NULL,
    "returnedById" TEXT NOT NULL,
    "returnedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LkeReturn_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "LkeReturn_evaluationId_round_key" ON "LkeReturn"("evaluationId", "round");

-- AddForeignKey
ALTER TABLE "LkeEvaluation" ADD CONSTRAINT "LkeEvaluation_verifiedById_fkey" FOREIGN KEY ("verifiedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LkeReturn" ADD CONSTRAINT "LkeReturn_evaluationId_fkey" FOREIGN KEY ("evaluationId") REFERENCES "LkeEvaluation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LkeReturn" ADD CONSTRAINT "LkeReturn_returnedById_fkey" FOREIGN KEY ("returnedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

