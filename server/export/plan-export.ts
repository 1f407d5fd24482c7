// A saved outreach plan as CSV (one row per site and village) and as a printable field sheet
// (one page per session: place, date, target villages with their uncovered counts).
import type { Request, Response } from "express";
import i18next from "i18next";
import { id } from "../../client/src/i18n/id.ts";
import { en } from "../../client/src/i18n/en.ts";
import { DomainError, ErrorCode, httpStatusOf } from "../common/errors.ts";
import type { Services } from "../graphql/services.ts";
import { PlanInput, type SavedPlan } from "../planner/planner.types.ts";
import { validate } from "class-validator";
import { DEFAULT_MONTHLY_PREMIUM, DEFAULT_MONTHS } from "../../domain/bounds.ts";
import { CandidateSites, Sector } from "../../domain/vocabulary.ts";
import { toCsv } from "./csv.ts";

export const PLAN_CSV_FIELDS = [
  "siteOrder",
  "siteName",
  "siteKind",
  "date",
  "siteVillageCode",
  "siteVillageName",
  "siteDistrict",
  "lon",
  "lat",
  "villageCode",
  "villageName",
  "districtName",
  "distanceKm",
  "uncovered",
  "expectedEnrollments",
] as const;

export function planCsvRows(saved: SavedPlan): Record<(typeof PLAN_CSV_FIELDS)[number], unknown>[] {
  return saved.plan.sites.flatMap((s) =>
    s.villages.map((v) => ({
      siteOrder: s.order,
      siteName: s.name,
      siteKind: s.kind,
      date: s.date ?? "",
      siteVillageCode: s.villageCode,
      siteVillageName: s.villageName,
      siteDistrict: s.districtName,
      lon: s.lon,
      lat: s.lat,
      villageCode: v.code,
      villageName: v.name,
      districtName: v.districtName,
      distanceKm: v.distanceMeters === null ? "" : (v.distanceMeters / 1000).toFixed(2),
      uncovered: v.uncovered,
      expectedEnrollments: v.expectedEnrollments.toFixed(1),
    })),
  );
}

// The field sheet's strings come from the client's catalogue (client/src/i18n/), as the UI's do.
const sheetText = i18next.createInstance();
void sheetText.init({
  initAsync: false,
  fallbackLng: "id",
  resources: { id: { translation: id }, en: { translation: en } },
  keySeparator: false,
  interpolation: { escapeValue: true },
});

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const html = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** The field sheet of a saved plan, or of a plan not saved (`id` 0: named "not saved"). */
export function fieldSheetHtml(plan: SavedPlan, lang: "id" | "en"): string {
  const t = sheetText.getFixedT(lang);
  const saved = plan.id === 0 ? { ...plan, name: t("fieldSheet.unsaved") } : plan;
  const locale = lang === "id" ? "id-ID" : "en-GB";
  const n = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const day = (d: string | null) =>
    d ? new Intl.DateTimeFormat(locale, { dateStyle: "full", timeZone: "UTC" }).format(new Date(`${d}T00:00:00Z`)) : t("fieldSheet.noDate");
  const sectors = saved.plan.parameters.sectors.map((s) => t(`sector.${s}`)).join(", ");
  const pages = saved.plan.sites.map((s) => {
    const rows = s.villages
      .map(
        (v) =>
          `<tr><td>${html(v.name)}</td><td>${html(v.districtName)}</td><td class="n">${n.format((v.distanceMeters ?? 0) / 1000)}</td><td class="n">${v.uncovered === null ? "–" : n.format(v.uncovered)}</td><td></td><td></td></tr>`,
      )
      .join("");
    return `<section class="sheet">
  <p class="plan">${html(t("fieldSheet.plan"))}: ${html(saved.name)} · ${html(t("fieldSheet.session", { n: s.order, total: saved.plan.sites.length }))}</p>
  <h1>${html(t("fieldSheet.title"))}</h1>
  <dl>
    <dt>${html(t("fieldSheet.place"))}</dt><dd>${html(s.name)}, ${html(s.villageName)}, ${html(s.districtName)} (${s.lat.toFixed(5)}, ${s.lon.toFixed(5)})</dd>
    <dt>${html(t("fieldSheet.date"))}</dt><dd>${html(day(s.date))}</dd>
    <dt>${html(t("planner.sectors"))}</dt><dd>${html(sectors)}</dd>
    <dt>${html(t("fieldSheet.expected"))}</dt><dd>${n.format(s.expectedEnrollments)}</dd>
  </dl>
  <table>
    <thead><tr><th>${html(t("fieldSheet.village"))}</th><th>${html(t("fieldSheet.district"))}</th><th>${html(t("fieldSheet.distance"))}</th><th>${html(t("fieldSheet.uncovered"))}</th><th>${html(t("fieldSheet.attended"))}</th><th>${html(t("fieldSheet.enrolled"))}</th></tr></thead>
    <tbody>${rows}</tbody>
    <tfoot><tr><th colspan="3">${html(t("fieldSheet.total"))}</th><th class="n">${n.format(s.uncoveredReached)}</th><th></th><th></th></tr></tfoot>
  </table>
</section>`;
  });
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${html(t("fieldSheet.title"))}: ${html(saved.name)}</title>
<style>
  body { font: 12pt/1.4 system-ui, sans-serif; margin: 0; color: #000; }
  .sheet { padding: 16mm; page-break-after: always; break-after: page; }
  h1 { font-size: 16pt; margin: 0 0 8pt; } .plan { color: #444; margin: 0 0 4pt; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: 2pt 12pt; } dt { font-weight: 600; } dd { margin: 0; }
  table { border-collapse: collapse; width: 100%; margin-top: 10pt; } th, td { border: 1px solid #000; padding: 4pt 6pt; text-align: left; }
  td:nth-child(5), td:nth-child(6) { width: 16%; } .n { text-align: right; }
  @media print { .sheet { padding: 0; } }
</style></head>
<body>${pages.join("\n")}</body></html>`;
}

async function loadPlan(services: Services, req: Request, res: Response): Promise<SavedPlan | null> {
  const id = Number(req.params.id);
  if (!Number.isInteger(id) || id < 1) {
    res.status(400).json({ error: `id: "${req.params.id}" is not a plan id.`, code: ErrorCode.BAD_USER_INPUT });
    return null;
  }
  if (id > 2 ** 31 - 1) {
    res.status(404).json({ error: `No saved plan with id ${req.params.id}.`, code: ErrorCode.NOT_FOUND }); // beyond the id column's range
    return null;
  }
  try {
    return await services.planner.saved(id);
  } catch (e) {
    if (e instanceof DomainError) res.status(httpStatusOf(e.code)).json({ error: e.message, code: e.code });
    else throw e;
    return null;
  }
}

/** GET /export/plans/:id.csv */
export const planCsvHandler = (services: (req: Request) => Services) => async (req: Request, res: Response) => {
  const saved = await loadPlan(services(req), req, res);
  if (!saved) return;
  const csv = toCsv(planCsvRows(saved), PLAN_CSV_FIELDS);
  res.type("text/csv; charset=utf-8").attachment(`plan-${saved.id}.csv`).send(csv);
};

/** GET /export/plans/:id/field-sheet?lang=id|en: printable HTML, one page per session. */
export const fieldSheetHandler = (services: (req: Request) => Services) => async (req: Request, res: Response) => {
  const saved = await loadPlan(services(req), req, res);
  if (!saved) return;
  res.type("html").send(fieldSheetHtml(saved, req.query.lang === "en" ? "en" : "id"));
};

/**
 * GET /export/field-sheet?plan=<PlanInput as JSON>&lang=id|en: the field sheet of a plan that is
 * not saved (saving needs the admin token), computed afresh with the GraphQL defaults filled in.
 */
export const unsavedFieldSheetHandler = (services: (req: Request) => Services) => async (req: Request, res: Response) => {
  let input: Partial<PlanInput>;
  try {
    input = JSON.parse(String(req.query.plan ?? ""));
    if (input == null || typeof input !== "object" || Array.isArray(input)) throw new Error();
  } catch {
    res
      .status(400)
      .json({ error: 'plan: not a PlanInput as JSON, e.g. {"sessions":5,"maxDistanceKm":5}.', code: ErrorCode.BAD_USER_INPUT });
    return;
  }
  try {
    const candidate = Object.assign(new PlanInput(), {
      sectors: [Sector.FARMER],
      sessions: 5,
      maxDistanceKm: 5,
      candidates: CandidateSites.FERTILIZER_POINTS,
      monthlyPremium: DEFAULT_MONTHLY_PREMIUM,
      months: DEFAULT_MONTHS,
      ...input,
    });
    // The same declared rules GraphQL runs on a PlanInput, with the same one message.
    const [problem] = await validate(candidate, { forbidUnknownValues: false });
    if (problem) {
      res.status(400).json({
        error: Object.values(problem.constraints ?? {})[0] ?? `plan.${problem.property} is wrong.`,
        code: ErrorCode.BAD_USER_INPUT,
      });
      return;
    }
    const plan = await services(req).planner.plan(candidate);
    const unsaved: SavedPlan = { id: 0, name: "", createdAt: new Date().toISOString(), sessionCount: 0, plan };
    res.type("html").send(fieldSheetHtml(unsaved, req.query.lang === "en" ? "en" : "id"));
  } catch (e) {
    if (e instanceof DomainError) res.status(httpStatusOf(e.code)).json({ error: e.message, code: e.code, argument: e.argument });
    else throw e;
  }
};
