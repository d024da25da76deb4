-- AlterEnum
ALTER TYPE "NotificationKind" ADD VALUE 'CROSSCUT_ANSWERED';

-- AlterTable
ALTER TABLE "CrosscutLink" ADD COLUMN     "declineReason" TEXT;

