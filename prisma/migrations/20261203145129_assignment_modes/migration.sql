-- CreateEnum
CREATE TYPE "StepAssignment" AS ENUM ('SINGLE', 'EVERY_UNIT', 'JOINT');

-- CreateEnum
CREATE TYPE "AttendanceStatus" AS ENUM ('ATTENDED', 'REPRESENTED', 'ABSENT');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "NotificationKind" ADD VALUE 'PARTICIPANT';
ALTER TYPE "NotificationKind" ADD VALUE 'INVITATION';

-- DropIndex
DROP INDEX "CycleTask_cycleId_stepNumber_round_key";

-- AlterTable
ALTER TABLE "SopStep" ADD COLUMN     "assignment" "StepAssignment" NOT NULL DEFAULT 'SINGLE',
ADD COLUMN     "unitKind" "OrgUnitKind";

-- AlterTable
ALTER TABLE "MeasurementCycle" ADD COLUMN     "unitPlan" JSONB NOT NULL DEFAULT '{}';

-- AlterTable
ALTER TABLE "CycleTask" ADD COLUMN     "invitedAt" TIMESTAMPTZ(3),
ADD COLUMN     "meetingAgenda" TEXT,
ADD COLUMN     "meetingAt" TIMESTAMPTZ(3),
ADD COLUMN     "meetingPlace" TEXT,
ADD COLUMN     "unitId" TEXT,
ADD COLUMN     "unitName" TEXT;

-- CreateTable
CREATE TABLE "SopStepUnit" (
    "stepId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,

    CONSTRAINT "SopStepUnit_pkey" PRIMARY KEY ("stepId","unitId")
);

-- CreateTable
CREATE TABLE "TaskAttendance" (
    "id" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "taskId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "roleName" TEXT NOT NULL,
    "status" "AttendanceStatus" NOT NULL,
    "representedBy" TEXT,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TaskAttendance_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "TaskAttendance_taskId_userId_key" ON "TaskAttendance"("taskId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "CycleTask_cycleId_stepNumber_round_unitId_key" ON "CycleTask"("cycleId", "stepNumber", "round", "unitId");

-- AddForeignKey
ALTER TABLE "SopStepUnit" ADD CONSTRAINT "SopStepUnit_stepId_fkey" FOREIGN KEY ("stepId") REFERENCES "SopStep"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SopStepUnit" ADD CONSTRAINT "SopStepUnit_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CycleTask" ADD CONSTRAINT "CycleTask_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaskAttendance" ADD CONSTRAINT "TaskAttendance_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaskAttendance" ADD CONSTRAINT "TaskAttendance_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "CycleTask"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaskAttendance" ADD CONSTRAINT "TaskAttendance_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Hand-written: rules schema.prisma cannot express (named manual_*, see lib/db/drift.ts).
-- A step's only task (no unit) stays unique per round, as before sub-tasks existed
-- (the four-column key above treats NULL unit ids as distinct).
CREATE UNIQUE INDEX "manual_cycletask_single_round_key" ON "CycleTask"("cycleId", "stepNumber", "round") WHERE "unitId" IS NULL;
