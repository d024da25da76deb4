-- CreateEnum
CREATE TYPE "ActingKind" AS ENUM ('PLT', 'PLH');

-- CreateTable
CREATE TABLE "ActingAppointment" (
    "id" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "roleId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" "ActingKind" NOT NULL,
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "endsAt" TIMESTAMPTZ(3) NOT NULL,
    "decreeNumber" TEXT NOT NULL,
    "appointedById" TEXT,
    "endedAt" TIMESTAMPTZ(3),
    "endedById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ActingAppointment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ActingAppointment_agencyId_roleId_endsAt_idx" ON "ActingAppointment"("agencyId", "roleId", "endsAt");

-- CreateIndex
CREATE INDEX "ActingAppointment_userId_endsAt_idx" ON "ActingAppointment"("userId", "endsAt");

-- AddForeignKey
ALTER TABLE "ActingAppointment" ADD CONSTRAINT "ActingAppointment_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActingAppointment" ADD CONSTRAINT "ActingAppointment_roleId_fkey" FOREIGN KEY ("roleId") REFERENCES "Role"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActingAppointment" ADD CONSTRAINT "ActingAppointment_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActingAppointment" ADD CONSTRAINT "ActingAppointment_appointedById_fkey" FOREIGN KEY ("appointedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActingAppointment" ADD CONSTRAINT "ActingAppointment_endedById_fkey" FOREIGN KEY ("endedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

