-- AlterTable
ALTER TABLE "MeasurementCycle" ADD COLUMN     "esakipReceiptFileId" TEXT,
ADD COLUMN     "esakipReference" TEXT,
ADD COLUMN     "esakipUploadedAt" DATE;

-- CreateIndex
CREATE UNIQUE INDEX "MeasurementCycle_esakipReceiptFileId_key" ON "MeasurementCycle"("esakipReceiptFileId");

-- AddForeignKey
ALTER TABLE "MeasurementCycle" ADD CONSTRAINT "MeasurementCycle_esakipReceiptFileId_fkey" FOREIGN KEY ("esakipReceiptFileId") REFERENCES "StoredFile"("id") ON DELETE SET NULL ON UPDATE CASCADE;

