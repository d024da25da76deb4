-- AlterTable
ALTER TABLE "StoredFile" ADD COLUMN     "unitQuarter" INTEGER,
ADD COLUMN     "unitRowId" TEXT;

-- AlterTable
ALTER TABLE "UnitAgreementQuarter" ADD COLUMN     "returnReason" TEXT,
ADD COLUMN     "status" "RealizationStatus" NOT NULL DEFAULT 'DRAFT',
ADD COLUMN     "submittedAt" TIMESTAMPTZ(3),
ADD COLUMN     "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "verifiedAt" TIMESTAMPTZ(3),
ADD COLUMN     "verifiedById" TEXT;

-- CreateIndex
CREATE INDEX "StoredFile_unitRowId_unitQuarter_idx" ON "StoredFile"("unitRowId", "unitQuarter");

-- AddForeignKey
ALTER TABLE "StoredFile" ADD CONSTRAINT "StoredFile_unitRowId_unitQuarter_fkey" FOREIGN KEY ("unitRowId", "unitQuarter") REFERENCES "UnitAgreementQuarter"("rowId", "quarter") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnitAgreementQuarter" ADD CONSTRAINT "UnitAgreementQuarter_verifiedById_fkey" FOREIGN KEY ("verifiedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

