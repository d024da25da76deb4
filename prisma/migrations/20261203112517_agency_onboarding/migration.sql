-- CreateEnum
CREATE TYPE "PasswordTokenPurpose" AS ENUM ('ONBOARDING', 'RESET');

-- AlterTable
ALTER TABLE "Agency" ADD COLUMN     "active" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "address" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "city" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "logoFileId" TEXT,
ADD COLUMN     "unitName" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "mustChangePassword" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "passwordChangedAt" TIMESTAMPTZ(3);

-- AlterTable (hand-edited: filled from the role's current name before it becomes required)
ALTER TABLE "CycleTask" ADD COLUMN     "assignedRoleName" TEXT;
UPDATE "CycleTask" t SET "assignedRoleName" = r."name" FROM "Role" r WHERE r."id" = t."assignedRoleId";
ALTER TABLE "CycleTask" ALTER COLUMN "assignedRoleName" SET NOT NULL;

-- CreateTable
CREATE TABLE "PasswordToken" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "agencyId" TEXT,
    "purpose" "PasswordTokenPurpose" NOT NULL,
    "tokenHash" CHAR(64) NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "usedAt" TIMESTAMPTZ(3),
    "issuedById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PasswordToken_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PasswordToken_tokenHash_key" ON "PasswordToken"("tokenHash");

-- CreateIndex
CREATE INDEX "PasswordToken_userId_idx" ON "PasswordToken"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Agency_logoFileId_key" ON "Agency"("logoFileId");

-- AddForeignKey
ALTER TABLE "Agency" ADD CONSTRAINT "Agency_logoFileId_fkey" FOREIGN KEY ("logoFileId") REFERENCES "StoredFile"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PasswordToken" ADD CONSTRAINT "PasswordToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PasswordToken" ADD CONSTRAINT "PasswordToken_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PasswordToken" ADD CONSTRAINT "PasswordToken_issuedById_fkey" FOREIGN KEY ("issuedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Hand-written: rules schema.prisma cannot express (named manual_*, see lib/db/drift.ts).

-- Agency names are unique within a government, whatever the case.
CREATE UNIQUE INDEX "manual_agency_government_name_key" ON "Agency"("governmentId", lower("name"));

-- One head role per agency (the role that signs and activates SOPs).
CREATE UNIQUE INDEX "manual_role_one_head_per_agency" ON "Role"("agencyId") WHERE "isHead";

-- Role and unit names are unique per agency, whatever the case (the exact-case unique keys stay).
CREATE UNIQUE INDEX "manual_role_agency_name_ci_key" ON "Role"("agencyId", lower("name"));
CREATE UNIQUE INDEX "manual_orgunit_agency_name_ci_key" ON "OrgUnit"("agencyId", lower("name"));

-- The static permission map no longer grants anything to the role code TIM_SAKIP
-- (docs/decisions/011-agency-onboarding.md): agencies that have such a role keep
-- its rights as designations in their settings, which the role screen shows and edits.
CREATE FUNCTION pg_temp.alur_add_designation(settings jsonb, permission text, code text) RETURNS jsonb
LANGUAGE sql AS $$
  SELECT jsonb_set(base, ARRAY['permissions', permission],
           CASE WHEN COALESCE(base #> ARRAY['permissions', permission], '[]'::jsonb) ? code
                THEN base #> ARRAY['permissions', permission]
                ELSE COALESCE(base #> ARRAY['permissions', permission], '[]'::jsonb) || to_jsonb(code) END)
    FROM (SELECT (CASE WHEN jsonb_typeof(settings) = 'object' THEN settings ELSE '{}'::jsonb END)
                 || jsonb_build_object('permissions',
                      CASE WHEN jsonb_typeof(settings -> 'permissions') = 'object' THEN settings -> 'permissions' ELSE '{}'::jsonb END) AS base) b
$$;
UPDATE "Agency" a
   SET "settings" = pg_temp.alur_add_designation(pg_temp.alur_add_designation(a."settings", 'performance.manage', 'TIM_SAKIP'), 'realization.verify', 'TIM_SAKIP')
 WHERE EXISTS (SELECT 1 FROM "Role" r WHERE r."agencyId" = a."id" AND r."code" = 'TIM_SAKIP');
DROP FUNCTION pg_temp.alur_add_designation(jsonb, text, text);
