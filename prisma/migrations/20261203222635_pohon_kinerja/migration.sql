-- CreateEnum
CREATE TYPE "CascadeLevel" AS ENUM ('TUJUAN', 'SASARAN', 'PROGRAM', 'KEGIATAN', 'SUBKEGIATAN');

-- CreateEnum
CREATE TYPE "RollUpRule" AS ENUM ('SUM', 'AVERAGE', 'OWN');

-- CreateTable
CREATE TABLE "RenstraPeriod" (
    "id" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "startYear" INTEGER NOT NULL,
    "endYear" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RenstraPeriod_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CascadeNode" (
    "id" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "periodId" TEXT NOT NULL,
    "parentId" TEXT,
    "level" "CascadeLevel" NOT NULL,
    "statement" TEXT NOT NULL,
    "unitId" TEXT,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CascadeNode_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CascadeIndicator" (
    "id" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "nodeId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "unitOfMeasure" TEXT NOT NULL,
    "polarity" "Polarity" NOT NULL DEFAULT 'HIGHER',
    "rollUp" "RollUpRule" NOT NULL DEFAULT 'OWN',
    "parentIndicatorId" TEXT,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CascadeIndicator_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CascadeTarget" (
    "indicatorId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "value" DECIMAL(20,4),

    CONSTRAINT "CascadeTarget_pkey" PRIMARY KEY ("indicatorId","year")
);

-- CreateIndex
CREATE UNIQUE INDEX "RenstraPeriod_agencyId_startYear_key" ON "RenstraPeriod"("agencyId", "startYear");

-- CreateIndex
CREATE INDEX "CascadeNode_agencyId_periodId_idx" ON "CascadeNode"("agencyId", "periodId");

-- CreateIndex
CREATE INDEX "CascadeNode_parentId_idx" ON "CascadeNode"("parentId");

-- CreateIndex
CREATE INDEX "CascadeNode_unitId_idx" ON "CascadeNode"("unitId");

-- CreateIndex
CREATE INDEX "CascadeIndicator_agencyId_nodeId_idx" ON "CascadeIndicator"("agencyId", "nodeId");

-- CreateIndex
CREATE INDEX "CascadeIndicator_parentIndicatorId_idx" ON "CascadeIndicator"("parentIndicatorId");

-- AddForeignKey
ALTER TABLE "RenstraPeriod" ADD CONSTRAINT "RenstraPeriod_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CascadeNode" ADD CONSTRAINT "CascadeNode_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CascadeNode" ADD CONSTRAINT "CascadeNode_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "RenstraPeriod"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CascadeNode" ADD CONSTRAINT "CascadeNode_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "CascadeNode"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CascadeNode" ADD CONSTRAINT "CascadeNode_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "OrgUnit"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CascadeIndicator" ADD CONSTRAINT "CascadeIndicator_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CascadeIndicator" ADD CONSTRAINT "CascadeIndicator_nodeId_fkey" FOREIGN KEY ("nodeId") REFERENCES "CascadeNode"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CascadeIndicator" ADD CONSTRAINT "CascadeIndicator_parentIndicatorId_fkey" FOREIGN KEY ("parentIndicatorId") REFERENCES "CascadeIndicator"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CascadeTarget" ADD CONSTRAINT "CascadeTarget_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "CascadeIndicator"("id") ON DELETE CASCADE ON UPDATE CASCADE;

