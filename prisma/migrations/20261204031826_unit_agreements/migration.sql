-- AlterTable
ALTER TABLE "Indicator" ADD COLUMN     "cascadeIndicatorId" TEXT,
ADD COLUMN     "cascadeParentId" TEXT,
ADD COLUMN     "rollUp" "RollUpRule" NOT NULL DEFAULT 'OWN';

-- CreateTable
CREATE TABLE "UnitAgreement" (
    "id" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "periodId" TEXT NOT NULL,
    "level" "CascadeLevel" NOT NULL,
    "unitId" TEXT NOT NULL,
    "unitName" TEXT NOT NULL,
    "officialTitle" TEXT NOT NULL,
    "officialName" TEXT NOT NULL DEFAULT '',
    "superiorTitle" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UnitAgreement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UnitAgreementRow" (
    "id" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "agreementId" TEXT NOT NULL,
    "cascadeIndicatorId" TEXT,
    "cascadeParentId" TEXT,
    "rollUp" "RollUpRule" NOT NULL DEFAULT 'OWN',
    "statement" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "unitOfMeasure" TEXT NOT NULL,
    "polarity" "Polarity" NOT NULL DEFAULT 'HIGHER',
    "aggregation" "Aggregation" NOT NULL DEFAULT 'LAST',
    "target" DECIMAL(20,4),
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "UnitAgreementRow_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UnitAgreementQuarter" (
    "rowId" TEXT NOT NULL,
    "quarter" INTEGER NOT NULL,
    "target" DECIMAL(20,4),
    "realization" DECIMAL(20,4),

    CONSTRAINT "UnitAgreementQuarter_pkey" PRIMARY KEY ("rowId","quarter")
);

-- CreateIndex
CREATE UNIQUE INDEX "UnitAgreement_agencyId_year_unitId_level_key" ON "UnitAgreement"("agencyId", "year", "unitId", "level");

-- CreateIndex
CREATE INDEX "UnitAgreementRow_agencyId_agreementId_idx" ON "UnitAgreementRow"("agencyId", "agreementId");

-- CreateIndex
CREATE INDEX "UnitAgreementRow_cascadeIndicatorId_idx" ON "UnitAgreementRow"("cascadeIndicatorId");

-- AddForeignKey
ALTER TABLE "Indicator" ADD CONSTRAINT "Indicator_cascadeIndicatorId_fkey" FOREIGN KEY ("cascadeIndicatorId") REFERENCES "CascadeIndicator"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnitAgreement" ADD CONSTRAINT "UnitAgreement_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnitAgreement" ADD CONSTRAINT "UnitAgreement_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "RenstraPeriod"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnitAgreement" ADD CONSTRAINT "UnitAgreement_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "OrgUnit"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnitAgreementRow" ADD CONSTRAINT "UnitAgreementRow_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnitAgreementRow" ADD CONSTRAINT "UnitAgreementRow_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "UnitAgreement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnitAgreementRow" ADD CONSTRAINT "UnitAgreementRow_cascadeIndicatorId_fkey" FOREIGN KEY ("cascadeIndicatorId") REFERENCES "CascadeIndicator"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnitAgreementQuarter" ADD CONSTRAINT "UnitAgreementQuarter_rowId_fkey" FOREIGN KEY ("rowId") REFERENCES "UnitAgreementRow"("id") ON DELETE CASCADE ON UPDATE CASCADE;

