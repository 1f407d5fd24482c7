-- The fingerprint of the key NIKs are hashed with (an HMAC of a fixed label under that key, never
-- the key), recorded when NIKs are first written. A start or an import with another key is refused:
-- its hashes would not match, and the same workers would be counted twice.
CREATE TABLE "nik_key" (
  "id" INTEGER NOT NULL DEFAULT 1,
  "fingerprint" TEXT NOT NULL,
  "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "nik_key_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "nik_key_one_row" CHECK ("id" = 1)
);

CREATE TRIGGER "nik_key_bumps_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "nik_key"
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
