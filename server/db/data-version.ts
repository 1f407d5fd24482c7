/** The data version (bumped by every committed write; see the data_version migration), as text. */
export const DATA_VERSION = `SELECT version::text AS version FROM data_version`;
