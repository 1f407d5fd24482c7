import { defineConfig } from "prisma/config";

// The Prisma CLI is used here only for `prisma generate`; the app applies
// prisma/migrations itself (server/db/migrate.ts) in both database modes.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost/cakupan" },
});
