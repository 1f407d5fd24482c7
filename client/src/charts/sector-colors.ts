// One colour per sector (and for all sectors together), dark enough for white backgrounds and projectors.
import type { Sector } from "../url-state.ts";

export const SECTOR_COLORS: Record<Sector | "ALL", string> = {
  ALL: "#0d47a1",
  FARMER: "#2e7d32",
  LIVESTOCK: "#8e4a00",
  FISHER: "#6a1b9a",
};
