-- People and roles (issue 15): accounts, the regions a planner may plan in, sign-in sessions,
-- personal API tokens and the audit log. Secrets are never stored: passwords as argon2id hashes,
-- session and API tokens as SHA-256 hashes (they are long random values). None of these tables
-- bumps data_version: no cacheable query reads them.
CREATE TYPE "UserRole" AS ENUM ('viewer', 'planner', 'analyst', 'admin');

CREATE TABLE "app_user" (
  "id" SERIAL NOT NULL,
  "login" TEXT NOT NULL,
  "display_name" TEXT NOT NULL,
  "role" "UserRole" NOT NULL,
  "password_hash" TEXT,
  "disabled_at" TIMESTAMP(3),
  "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "app_user_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "app_user_login_lower" CHECK ("login" = lower("login") AND "login" <> '')
);
CREATE UNIQUE INDEX "app_user_login_key" ON "app_user"("login");

-- A planner's regions, at any level (a province, a regency, a district or a village).
CREATE TABLE "user_region" (
  "user_id" INTEGER NOT NULL,
  "region_code" TEXT NOT NULL,
  CONSTRAINT "user_region_pkey" PRIMARY KEY ("user_id", "region_code"),
  CONSTRAINT "user_region_user_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE
);

CREATE TABLE "user_session" (
  "id" SERIAL NOT NULL,
  "user_id" INTEGER NOT NULL,
  "token_hash" TEXT NOT NULL,
  "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "expires_at" TIMESTAMP(3) NOT NULL,
  CONSTRAINT "user_session_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "user_session_user_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE
);
CREATE UNIQUE INDEX "user_session_token_hash_key" ON "user_session"("token_hash");

CREATE TABLE "api_token" (
  "id" SERIAL NOT NULL,
  "user_id" INTEGER NOT NULL,
  "name" TEXT NOT NULL,
  "token_hash" TEXT NOT NULL,
  "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "expires_at" TIMESTAMP(3) NOT NULL,
  "revoked_at" TIMESTAMP(3),
  "last_used_at" TIMESTAMP(3),
  CONSTRAINT "api_token_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "api_token_user_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE
);
CREATE UNIQUE INDEX "api_token_token_hash_key" ON "api_token"("token_hash");

-- Who did what, when and from where. `actor` is a login (or "anonymous", "ADMIN_TOKEN", "cli");
-- `detail` holds the operation's arguments with every NIK-like value masked. Never a NIK.
CREATE TABLE "audit_log" (
  "id" BIGSERIAL NOT NULL,
  "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "actor" TEXT NOT NULL,
  "role" TEXT,
  "action" TEXT NOT NULL,
  "target" TEXT,
  "outcome" TEXT NOT NULL,
  "detail" JSONB,
  "ip" TEXT,
  CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "audit_log_at_idx" ON "audit_log"("at");
CREATE INDEX "audit_log_action_at_idx" ON "audit_log"("action", "at");
