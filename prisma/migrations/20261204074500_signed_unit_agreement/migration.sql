-- AlterEnum
ALTER TYPE "SignedDocumentKind" ADD VALUE 'UNIT_AGREEMENT';
