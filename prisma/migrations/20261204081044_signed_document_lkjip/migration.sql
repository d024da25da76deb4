-- AlterEnum
ALTER TYPE "SignedDocumentKind" ADD VALUE 'LKJIP';

