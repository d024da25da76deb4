import { defineConfig } from "prisma/config";

// Used by `prisma generate` (postinstall). Migrations are applied by the app
// itself (lib/db/migrate.ts); see docs/decisions/001-migrations.md.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/unused" },
});
