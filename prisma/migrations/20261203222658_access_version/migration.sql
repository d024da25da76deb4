-- AlterTable
ALTER TABLE "User" ADD COLUMN     "accessVersion" INTEGER NOT NULL DEFAULT 0;


-- The access version (docs/decisions/028-cached-frame.md): every change to what a user's agency
-- context is built from bumps "User"."accessVersion" in the same transaction, whoever makes it
-- (services, the CLI, seeds, hand-written SQL). Instances cache the context under the version.

-- The account itself: only the columns the session user and the door read.
CREATE FUNCTION alur_user_access_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (NEW.nip, NEW.name, NEW.email, NEW.jabatan, NEW.active, NEW."isPlatformAdmin", NEW."mustChangePassword", NEW."totpEnabledAt")
     IS DISTINCT FROM (OLD.nip, OLD.name, OLD.email, OLD.jabatan, OLD.active, OLD."isPlatformAdmin", OLD."mustChangePassword", OLD."totpEnabledAt")
     AND NEW."accessVersion" = OLD."accessVersion" THEN
    NEW."accessVersion" := OLD."accessVersion" + 1;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "User_access_version" BEFORE UPDATE ON "User" FOR EACH ROW EXECUTE FUNCTION alur_user_access_version();

-- A membership or an acting appointment: its user (both users if one moved between users).
CREATE FUNCTION alur_holding_access_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN
    UPDATE "User" SET "accessVersion" = "accessVersion" + 1 WHERE id = NEW."userId";
  END IF;
  IF TG_OP <> 'INSERT' AND (TG_OP = 'DELETE' OR OLD."userId" IS DISTINCT FROM NEW."userId") THEN
    UPDATE "User" SET "accessVersion" = "accessVersion" + 1 WHERE id = OLD."userId";
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "Membership_access_version" AFTER INSERT OR UPDATE OR DELETE ON "Membership" FOR EACH ROW EXECUTE FUNCTION alur_holding_access_version();
CREATE TRIGGER "ActingAppointment_access_version" AFTER INSERT OR UPDATE OR DELETE ON "ActingAppointment" FOR EACH ROW EXECUTE FUNCTION alur_holding_access_version();

-- A role's name, code, head flag or order: everyone holding it (as a member or acting).
CREATE FUNCTION alur_role_access_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (NEW.code, NEW.name, NEW."isHead", NEW."sortOrder") IS DISTINCT FROM (OLD.code, OLD.name, OLD."isHead", OLD."sortOrder") THEN
    UPDATE "User" SET "accessVersion" = "accessVersion" + 1
    WHERE id IN (SELECT "userId" FROM "Membership" WHERE "roleId" = NEW.id UNION SELECT "userId" FROM "ActingAppointment" WHERE "roleId" = NEW.id);
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "Role_access_version" AFTER UPDATE ON "Role" FOR EACH ROW EXECUTE FUNCTION alur_role_access_version();

-- The agency's printed identity, time zone, active flag and settings (permissions, designations,
-- the two-factor policy): every member of it.
CREATE FUNCTION alur_agency_access_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (NEW.slug, NEW.name, NEW."governmentId", NEW."timeZone", NEW."unitName", NEW.city, NEW."logoFileId", NEW.active, NEW.settings::text)
     IS DISTINCT FROM (OLD.slug, OLD.name, OLD."governmentId", OLD."timeZone", OLD."unitName", OLD.city, OLD."logoFileId", OLD.active, OLD.settings::text) THEN
    UPDATE "User" SET "accessVersion" = "accessVersion" + 1 WHERE id IN (SELECT "userId" FROM "Membership" WHERE "agencyId" = NEW.id);
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "Agency_access_version" AFTER UPDATE ON "Agency" FOR EACH ROW EXECUTE FUNCTION alur_agency_access_version();

-- The government's name or level (printed in the frame): the members of its agencies.
CREATE FUNCTION alur_government_access_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (NEW.level, NEW.name) IS DISTINCT FROM (OLD.level, OLD.name) THEN
    UPDATE "User" SET "accessVersion" = "accessVersion" + 1
    WHERE id IN (SELECT m."userId" FROM "Membership" m JOIN "Agency" a ON a.id = m."agencyId" WHERE a."governmentId" = NEW.id);
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "Government_access_version" AFTER UPDATE ON "Government" FOR EACH ROW EXECUTE FUNCTION alur_government_access_version();
