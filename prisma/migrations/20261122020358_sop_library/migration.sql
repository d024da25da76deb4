-- CreateEnum
CREATE TYPE "SopStatus" AS ENUM ('DRAFT', 'ACTIVE', 'SUPERSEDED', 'ARCHIVED');

-- CreateEnum
CREATE TYPE "SopStepKind" AS ENUM ('DISPOSITION', 'DRAFT', 'INPUT', 'REVIEW', 'APPROVAL', 'MEETING', 'UPLOAD', 'ARCHIVE');

-- CreateEnum
CREATE TYPE "TimeUnit" AS ENUM ('MENIT', 'JAM', 'HARI');

-- CreateTable
CREATE TABLE "SopSeries" (
    "id" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "nomor" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SopSeries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Sop" (
    "id" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "seriesId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "status" "SopStatus" NOT NULL DEFAULT 'DRAFT',
    "supersedesId" TEXT,
    "nomor" TEXT NOT NULL,
    "nama" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "tanggalPembuatan" DATE NOT NULL,
    "tanggalRevisi" DATE,
    "tanggalEfektif" DATE,
    "disahkanJabatan" TEXT NOT NULL,
    "disahkanNama" TEXT NOT NULL,
    "disahkanPangkat" TEXT,
    "disahkanNip" VARCHAR(18),
    "dasarHukum" TEXT[],
    "kualifikasiPelaksana" TEXT[],
    "keterkaitan" TEXT[],
    "peralatan" TEXT[],
    "pencatatan" TEXT[],
    "peringatan" TEXT NOT NULL DEFAULT '',
    "createdById" TEXT,
    "activatedById" TEXT,
    "activatedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Sop_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SopStep" (
    "id" TEXT NOT NULL,
    "sopId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "kegiatan" TEXT NOT NULL,
    "executorRoleId" TEXT NOT NULL,
    "kind" "SopStepKind" NOT NULL,
    "kelengkapan" TEXT NOT NULL DEFAULT '',
    "waktuJumlah" DOUBLE PRECISION NOT NULL,
    "waktuSatuan" "TimeUnit" NOT NULL,
    "output" TEXT NOT NULL,
    "keterangan" TEXT NOT NULL DEFAULT '',
    "yesStepNumber" INTEGER,
    "noStepNumber" INTEGER,

    CONSTRAINT "SopStep_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SopStepParticipant" (
    "stepId" TEXT NOT NULL,
    "roleId" TEXT NOT NULL,

    CONSTRAINT "SopStepParticipant_pkey" PRIMARY KEY ("stepId","roleId")
);

-- CreateIndex
CREATE UNIQUE INDEX "SopSeries_agencyId_nomor_key" ON "SopSeries"("agencyId", "nomor");

-- CreateIndex
CREATE UNIQUE INDEX "Sop_supersedesId_key" ON "Sop"("supersedesId");

-- CreateIndex
CREATE INDEX "Sop_agencyId_status_idx" ON "Sop"("agencyId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Sop_seriesId_version_key" ON "Sop"("seriesId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "SopStep_sopId_number_key" ON "SopStep"("sopId", "number");

-- AddForeignKey
ALTER TABLE "SopSeries" ADD CONSTRAINT "SopSeries_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Sop" ADD CONSTRAINT "Sop_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Sop" ADD CONSTRAINT "Sop_seriesId_fkey" FOREIGN KEY ("seriesId") REFERENCES "SopSeries"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Sop" ADD CONSTRAINT "Sop_supersedesId_fkey" FOREIGN KEY ("supersedesId") REFERENCES "Sop"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Sop" ADD CONSTRAINT "Sop_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Sop" ADD CONSTRAINT "Sop_activatedById_fkey" FOREIGN KEY ("activatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SopStep" ADD CONSTRAINT "SopStep_sopId_fkey" FOREIGN KEY ("sopId") REFERENCES "Sop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SopStep" ADD CONSTRAINT "SopStep_executorRoleId_fkey" FOREIGN KEY ("executorRoleId") REFERENCES "Role"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SopStepParticipant" ADD CONSTRAINT "SopStepParticipant_stepId_fkey" FOREIGN KEY ("stepId") REFERENCES "SopStep"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SopStepParticipant" ADD CONSTRAINT "SopStepParticipant_roleId_fkey" FOREIGN KEY ("roleId") REFERENCES "Role"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

