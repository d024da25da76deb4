-- CreateEnum
CREATE TYPE "LkeStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'REVIEWED', 'LOCKED');

-- CreateTable
CREATE TABLE "LkeEdition" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "validFromYear" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LkeEdition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LkeComponent" (
    "id" TEXT NOT NULL,
    "editionId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "weight" DECIMAL(8,4) NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "LkeComponent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LkeSubComponent" (
    "id" TEXT NOT NULL,
    "componentId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "weight" DECIMAL(8,4) NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "LkeSubComponent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LkeCriterion" (
    "id" TEXT NOT NULL,
    "subComponentId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "weight" DECIMAL(8,4) NOT NULL DEFAULT 1,
    "scale" JSONB NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "LkeCriterion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LkeEvaluation" (
    "id" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "editionId" TEXT NOT NULL,
    "structure" JSONB NOT NULL,
    "status" "LkeStatus" NOT NULL DEFAULT 'DRAFT',
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "submittedAt" TIMESTAMPTZ(3),
    "submittedById" TEXT,
    "reviewedAt" TIMESTAMPTZ(3),
    "reviewedById" TEXT,
    "lockedAt" TIMESTAMPTZ(3),
    "lockedById" TEXT,
    "lockedScore" DECIMAL(8,4),
    "lockedPredikat" TEXT,

    CONSTRAINT "LkeEvaluation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LkeAnswer" (
    "evaluationId" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "criterionCode" TEXT NOT NULL,
    "selfAnswer" TEXT,
    "justification" TEXT NOT NULL DEFAULT '',
    "evidenceLinks" TEXT[],
    "reviewerAnswer" TEXT,
    "reviewerNote" TEXT NOT NULL DEFAULT '',
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "LkeAnswer_pkey" PRIMARY KEY ("evaluationId","criterionCode")
);

-- CreateIndex
CREATE UNIQUE INDEX "LkeEdition_name_key" ON "LkeEdition"("name");

-- CreateIndex
CREATE UNIQUE INDEX "LkeComponent_editionId_code_key" ON "LkeComponent"("editionId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "LkeSubComponent_componentId_code_key" ON "LkeSubComponent"("componentId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "LkeCriterion_subComponentId_code_key" ON "LkeCriterion"("subComponentId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "LkeEvaluation_agencyId_year_key" ON "LkeEvaluation"("agencyId", "year");

-- CreateIndex
CREATE INDEX "LkeAnswer_agencyId_idx" ON "LkeAnswer"("agencyId");

-- AddForeignKey
ALTER TABLE "LkeComponent" ADD CONSTRAINT "LkeComponent_editionId_fkey" FOREIGN KEY ("editionId") REFERENCES "LkeEdition"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LkeSubComponent" ADD CONSTRAINT "LkeSubComponent_componentId_fkey" FOREIGN KEY ("componentId") REFERENCES "LkeComponent"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LkeCriterion" ADD CONSTRAINT "LkeCriterion_subComponentId_fkey" FOREIGN KEY ("subComponentId") REFERENCES "LkeSubComponent"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LkeEvaluation" ADD CONSTRAINT "LkeEvaluation_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LkeEvaluation" ADD CONSTRAINT "LkeEvaluation_editionId_fkey" FOREIGN KEY ("editionId") REFERENCES "LkeEdition"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LkeEvaluation" ADD CONSTRAINT "LkeEvaluation_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LkeEvaluation" ADD CONSTRAINT "LkeEvaluation_submittedById_fkey" FOREIGN KEY ("submittedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LkeEvaluation" ADD CONSTRAINT "LkeEvaluation_reviewedById_fkey" FOREIGN KEY ("reviewedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LkeEvaluation" ADD CONSTRAINT "LkeEvaluation_lockedById_fkey" FOREIGN KEY ("lockedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LkeAnswer" ADD CONSTRAINT "LkeAnswer_evaluationId_fkey" FOREIGN KEY ("evaluationId") REFERENCES "LkeEvaluation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LkeAnswer" ADD CONSTRAINT "LkeAnswer_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE CASCADE ON UPDATE CASCADE;

