-- AlterEnum
ALTER TYPE "SignedDocumentKind" ADD VALUE 'ARCHIVE_RECORD';

