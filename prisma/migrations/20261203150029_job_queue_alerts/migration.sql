-- CreateEnum
CREATE TYPE "TaskAlertKind" AS ENUM ('DUE_SOON_50', 'DUE_SOON_75', 'LATE', 'ESCALATED', 'ESCALATED_HEAD');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "NotificationKind" ADD VALUE 'DUE_SOON_50';
ALTER TYPE "NotificationKind" ADD VALUE 'DUE_SOON_75';
ALTER TYPE "NotificationKind" ADD VALUE 'ESCALATED';
ALTER TYPE "NotificationKind" ADD VALUE 'ESCALATED_HEAD';

-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "doneAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "TaskAlert" (
    "id" TEXT NOT NULL,
    "taskId" TEXT NOT NULL,
    "kind" "TaskAlertKind" NOT NULL,
    "notified" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TaskAlert_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "TaskAlert_taskId_kind_key" ON "TaskAlert"("taskId", "kind");

-- AddForeignKey
ALTER TABLE "TaskAlert" ADD CONSTRAINT "TaskAlert_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "CycleTask"("id") ON DELETE CASCADE ON UPDATE CASCADE;

