-- AlterTable
ALTER TABLE "User" ADD COLUMN     "gelarBelakang" TEXT,
ADD COLUMN     "gelarDepan" TEXT;

