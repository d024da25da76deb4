-- CreateEnum
CREATE TYPE "SignedDocumentKind" AS ENUM ('PERFORMANCE_REPORT', 'SOP');

-- CreateEnum
CREATE TYPE "SignatureMethod" AS ENUM ('PADES', 'WET_SCAN');

-- CreateEnum
CREATE TYPE "SignedDocumentStatus" AS ENUM ('SIGNED', 'REVOKED');

-- CreateTable
CREATE TABLE "SigningCertificate" (
    "id" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "p12Encrypted" BYTEA NOT NULL,
    "passphraseEncrypted" BYTEA NOT NULL,
    "subject" TEXT NOT NULL,
    "issuer" TEXT NOT NULL,
    "serialNumber" TEXT NOT NULL,
    "fingerprint" CHAR(64) NOT NULL,
    "notBefore" TIMESTAMPTZ(3) NOT NULL,
    "notAfter" TIMESTAMPTZ(3) NOT NULL,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "uploadedById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "replacedAt" TIMESTAMPTZ(3),

    CONSTRAINT "SigningCertificate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SignedDocument" (
    "id" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "code" VARCHAR(16) NOT NULL,
    "kind" "SignedDocumentKind" NOT NULL,
    "title" TEXT NOT NULL,
    "subject" JSONB NOT NULL,
    "method" "SignatureMethod" NOT NULL,
    "status" "SignedDocumentStatus" NOT NULL DEFAULT 'SIGNED',
    "sha256" CHAR(64) NOT NULL,
    "fileId" TEXT NOT NULL,
    "certificateId" TEXT,
    "signerId" TEXT NOT NULL,
    "signerName" TEXT NOT NULL,
    "signerJabatan" TEXT NOT NULL,
    "signerNip" TEXT NOT NULL,
    "signerPangkat" TEXT NOT NULL DEFAULT '',
    "signedAt" TIMESTAMPTZ(3) NOT NULL,
    "revokedAt" TIMESTAMPTZ(3),
    "revokedById" TEXT,
    "revokeReason" TEXT,

    CONSTRAINT "SignedDocument_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SigningCertificate_agencyId_replacedAt_idx" ON "SigningCertificate"("agencyId", "replacedAt");

-- CreateIndex
CREATE UNIQUE INDEX "SignedDocument_code_key" ON "SignedDocument"("code");

-- CreateIndex
CREATE UNIQUE INDEX "SignedDocument_fileId_key" ON "SignedDocument"("fileId");

-- CreateIndex
CREATE INDEX "SignedDocument_agencyId_signedAt_idx" ON "SignedDocument"("agencyId", "signedAt");

-- AddForeignKey
ALTER TABLE "SigningCertificate" ADD CONSTRAINT "SigningCertificate_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SigningCertificate" ADD CONSTRAINT "SigningCertificate_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SignedDocument" ADD CONSTRAINT "SignedDocument_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SignedDocument" ADD CONSTRAINT "SignedDocument_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "StoredFile"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SignedDocument" ADD CONSTRAINT "SignedDocument_certificateId_fkey" FOREIGN KEY ("certificateId") REFERENCES "SigningCertificate"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SignedDocument" ADD CONSTRAINT "SignedDocument_signerId_fkey" FOREIGN KEY ("signerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SignedDocument" ADD CONSTRAINT "SignedDocument_revokedById_fkey" FOREIGN KEY ("revokedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

