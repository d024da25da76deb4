-- CreateEnum
CREATE TYPE "Polarity" AS ENUM ('HIGHER', 'LOWER');

-- CreateEnum
CREATE TYPE "TargetType" AS ENUM ('SINGLE', 'RANGE');

-- CreateEnum
CREATE TYPE "Aggregation" AS ENUM ('CUMULATIVE', 'LAST', 'AVERAGE');

-- CreateEnum
CREATE TYPE "RealizationStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'VERIFIED', 'RETURNED');

-- AlterTable
ALTER TABLE "Membership" ADD COLUMN     "unitId" TEXT;

-- CreateTable
CREATE TABLE "OrgUnit" (
    "id" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "OrgUnit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PerformanceAgreement" (
    "id" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "signedAt" DATE,
    "firstPartyName" TEXT NOT NULL,
    "firstPartyJabatan" TEXT NOT NULL,
    "firstPartyNip" VARCHAR(18),
    "secondPartyName" TEXT NOT NULL,
    "secondPartyJabatan" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PerformanceAgreement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StrategicGoal" (
    "id" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "agreementId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "StrategicGoal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Indicator" (
    "id" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "goalId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "polarity" "Polarity" NOT NULL DEFAULT 'HIGHER',
    "targetType" "TargetType" NOT NULL DEFAULT 'SINGLE',
    "aggregation" "Aggregation" NOT NULL DEFAULT 'LAST',
    "orgUnitId" TEXT NOT NULL,
    "definition" TEXT NOT NULL DEFAULT '',
    "formula" TEXT NOT NULL DEFAULT '',
    "targetValue" DECIMAL(20,4),
    "targetMin" DECIMAL(20,4),
    "targetMax" DECIMAL(20,4),
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Indicator_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QuarterTarget" (
    "indicatorId" TEXT NOT NULL,
    "quarter" INTEGER NOT NULL,
    "targetValue" DECIMAL(20,4),
    "targetMin" DECIMAL(20,4),
    "targetMax" DECIMAL(20,4),

    CONSTRAINT "QuarterTarget_pkey" PRIMARY KEY ("indicatorId","quarter")
);

-- CreateTable
CREATE TABLE "Program" (
    "id" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "agreementId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Program_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProgramQuarter" (
    "programId" TEXT NOT NULL,
    "quarter" INTEGER NOT NULL,
    "pagu" DECIMAL(20,2) NOT NULL,
    "realization" DECIMAL(20,2),

    CONSTRAINT "ProgramQuarter_pkey" PRIMARY KEY ("programId","quarter")
);

-- CreateTable
CREATE TABLE "Realization" (
    "id" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "indicatorId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "quarter" INTEGER NOT NULL,
    "value" DECIMAL(20,4),
    "faktorPendorong" TEXT NOT NULL DEFAULT '',
    "faktorPenghambat" TEXT NOT NULL DEFAULT '',
    "tindakLanjut" TEXT NOT NULL DEFAULT '',
    "status" "RealizationStatus" NOT NULL DEFAULT 'DRAFT',
    "filledById" TEXT,
    "submittedAt" TIMESTAMPTZ(3),
    "verifiedById" TEXT,
    "verifiedAt" TIMESTAMPTZ(3),
    "returnReason" TEXT,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Realization_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StoredFile" (
    "id" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "originalName" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "realizationId" TEXT,
    "taskId" TEXT,
    "uploadedById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StoredFile_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "OrgUnit_agencyId_name_key" ON "OrgUnit"("agencyId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "PerformanceAgreement_agencyId_year_key" ON "PerformanceAgreement"("agencyId", "year");

-- CreateIndex
CREATE UNIQUE INDEX "StrategicGoal_agreementId_code_key" ON "StrategicGoal"("agreementId", "code");

-- CreateIndex
CREATE INDEX "Indicator_agencyId_orgUnitId_idx" ON "Indicator"("agencyId", "orgUnitId");

-- CreateIndex
CREATE UNIQUE INDEX "Indicator_goalId_code_key" ON "Indicator"("goalId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "Program_agreementId_code_key" ON "Program"("agreementId", "code");

-- CreateIndex
CREATE INDEX "Realization_agencyId_year_quarter_idx" ON "Realization"("agencyId", "year", "quarter");

-- CreateIndex
CREATE UNIQUE INDEX "Realization_indicatorId_year_quarter_key" ON "Realization"("indicatorId", "year", "quarter");

-- CreateIndex
CREATE UNIQUE INDEX "StoredFile_storageKey_key" ON "StoredFile"("storageKey");

-- CreateIndex
CREATE INDEX "StoredFile_agencyId_realizationId_idx" ON "StoredFile"("agencyId", "realizationId");

-- CreateIndex
CREATE INDEX "StoredFile_taskId_idx" ON "StoredFile"("taskId");

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "OrgUnit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrgUnit" ADD CONSTRAINT "OrgUnit_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PerformanceAgreement" ADD CONSTRAINT "PerformanceAgreement_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StrategicGoal" ADD CONSTRAINT "StrategicGoal_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StrategicGoal" ADD CONSTRAINT "StrategicGoal_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "PerformanceAgreement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Indicator" ADD CONSTRAINT "Indicator_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Indicator" ADD CONSTRAINT "Indicator_goalId_fkey" FOREIGN KEY ("goalId") REFERENCES "StrategicGoal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Indicator" ADD CONSTRAINT "Indicator_orgUnitId_fkey" FOREIGN KEY ("orgUnitId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuarterTarget" ADD CONSTRAINT "QuarterTarget_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "Indicator"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Program" ADD CONSTRAINT "Program_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Program" ADD CONSTRAINT "Program_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "PerformanceAgreement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgramQuarter" ADD CONSTRAINT "ProgramQuarter_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Realization" ADD CONSTRAINT "Realization_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Realization" ADD CONSTRAINT "Realization_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "Indicator"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Realization" ADD CONSTRAINT "Realization_filledById_fkey" FOREIGN KEY ("filledById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Realization" ADD CONSTRAINT "Realization_verifiedById_fkey" FOREIGN KEY ("verifiedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StoredFile" ADD CONSTRAINT "StoredFile_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StoredFile" ADD CONSTRAINT "StoredFile_realizationId_fkey" FOREIGN KEY ("realizationId") REFERENCES "Realization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StoredFile" ADD CONSTRAINT "StoredFile_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "CycleTask"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StoredFile" ADD CONSTRAINT "StoredFile_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

