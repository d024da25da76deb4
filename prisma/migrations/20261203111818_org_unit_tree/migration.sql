-- CreateEnum
CREATE TYPE "OrgUnitKind" AS ENUM ('SEKRETARIAT', 'SUBBAGIAN', 'BIDANG', 'SEKSI', 'UPTD', 'LAINNYA');

-- AlterTable
ALTER TABLE "OrgUnit" ADD COLUMN     "active" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "headTitle" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "headUserId" TEXT,
ADD COLUMN     "kind" "OrgUnitKind" NOT NULL DEFAULT 'BIDANG',
ADD COLUMN     "parentId" TEXT;

-- CreateIndex
CREATE INDEX "OrgUnit_agencyId_parentId_idx" ON "OrgUnit"("agencyId", "parentId");

-- AddForeignKey
ALTER TABLE "OrgUnit" ADD CONSTRAINT "OrgUnit_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "OrgUnit"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrgUnit" ADD CONSTRAINT "OrgUnit_headUserId_fkey" FOREIGN KEY ("headUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

