import type { Request, Response, NextFunction } from "express";
import { RegionLevel } from "../../domain/vocabulary.ts";
import type { Sql } from "../db/sql.ts";
import { DATA_VERSION } from "../db/data-version.ts";
import { TileService } from "./tile.service.ts";

/** The URL pattern of tiles: /tiles/{level}/{z}/{x}/{y}.pbf, level in lower case (village, district, regency, province). */
export const TILE_PATH = /^\/tiles\/([a-z]+)\/(\d{1,2})\/(\d{1,7})\/(\d{1,7})\.pbf$/;
export const MAX_TILE_ZOOM = 22;

/**
 * GET /tiles/{level}/{z}/{x}/{y}.pbf: a Mapbox vector tile of the level's boundaries (layer named
 * as the level, features with code and name). Cacheable: the ETag is the data version, and a URL
 * carrying the current version (?v=, as datasetInfo.tileUrl gives it) is cached for a year.
 */
export function tileHandler(sql: Sql) {
  const tiles = new TileService(sql);
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      const [word, zs, xs, ys] = [1, 2, 3, 4].map((i) => String((req.params as Record<string, string>)[i - 1]));
      const level = Object.values(RegionLevel).find((l) => l.toLowerCase() === word);
      const [z, x, y] = [zs, xs, ys].map(Number);
      const problem = !level
        ? `level must be one of ${Object.values(RegionLevel)
            .map((l) => l.toLowerCase())
            .join(", ")}`
        : z > MAX_TILE_ZOOM
          ? `zoom must be 0 to ${MAX_TILE_ZOOM}`
          : x >= 2 ** z || y >= 2 ** z
            ? `x and y must be below 2^z (${2 ** z}) at zoom ${z}`
            : null;
      if (problem || !level) {
        res.status(400).json({ error: `Bad tile address: ${problem}.`, code: "BAD_USER_INPUT" });
        return;
      }
      const [{ version }] = await sql.query<{ version: string }>(DATA_VERSION);
      const etag = `"${version}"`;
      res.setHeader("etag", etag);
      res.setHeader("cache-control", req.query.v === version ? "public, max-age=31536000, immutable" : "public, no-cache");
      if (req.headers["if-none-match"] === etag) {
        res.status(304).end();
        return;
      }
      const body = await tiles.tile(level, z, x, y, version);
      res.type("application/vnd.mapbox-vector-tile").send(Buffer.from(body.buffer, body.byteOffset, body.byteLength));
    } catch (error) {
      next(error);
    }
  };
}
