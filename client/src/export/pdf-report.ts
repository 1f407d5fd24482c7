// An A4 report on a region: title, date, map with legend, headline figures, the lowest-coverage
// villages and the data sources; on a second page what the sessions achieved and next year's cost. jsPDF with its built-in fonts: nothing is fetched.
import type { TFunction } from "i18next";
import { formatChange, formatDate, formatDecimal, formatInt, formatPercent, formatPeriod, formatRupiah } from "../format.ts";
import type { OutcomesAndCost } from "../report/outcomes-query.ts";
import type { RegionReportData } from "../report/region-report-query.ts";
import { targetProgress } from "../report/report-scope.ts";
import { headlineFor } from "../report/headline.ts";
import { dataSourceLines, regionTitle, sectorTitle } from "../report/region-title.ts";
import type { Lang, Sector } from "../url-state.ts";

export interface PdfReportInput {
  report: RegionReportData;
  /** What the sessions achieved and next year's cost (the second page). */
  outcomes: OutcomesAndCost;
  /** The map sheet (map, legend, scale bar, north arrow). */
  map: HTMLCanvasElement;
  /** The sector the whole report is about (the map's); null = all sectors. */
  sector: Sector | null;
  target: number;
  lang: Lang;
  t: TFunction;
  today: string;
}

/** The built-in fonts speak WinAnsi: swap the few characters Intl or names may bring that it lacks. */
export function pdfText(s: string): string {
  return s
    .replace(/[\u202f\u00a0]/g, " ")
    .replace(/\u2212/g, "-")
    .replace(/\u2192/g, "->");
}

const PAGE = { w: 210, h: 297, margin: 14 };

export async function pdfReport({ report, outcomes, map, sector, target, lang, t, today }: PdfReportInput): Promise<Blob> {
  const { jsPDF } = await import("jspdf");
  const doc = new jsPDF({ unit: "mm", format: "a4", orientation: "portrait", compress: true });
  const s = headlineFor(report, sector);
  const left = PAGE.margin,
    width = PAGE.w - 2 * PAGE.margin;
  const text = (
    value: string,
    x: number,
    y: number,
    opts?: { size?: number; bold?: boolean; align?: "left" | "right" | "center"; maxWidth?: number },
  ) => {
    doc.setFont("helvetica", opts?.bold ? "bold" : "normal");
    doc.setFontSize(opts?.size ?? 10);
    doc.text(pdfText(value), x, y, { align: opts?.align ?? "left", maxWidth: opts?.maxWidth });
  };
  doc.setProperties({
    title: `${t("report.title")} - ${regionTitle(report.region ?? null, t)} - ${sectorTitle(sector, t)}`,
    creator: "Cakupan",
  });

  let y = PAGE.margin + 6;
  text(t("report.title"), left, y, { size: 15, bold: true });
  y += 8;
  text(`${regionTitle(report.region ?? null, t)} · ${t("report.sector", { sector: sectorTitle(sector, t) })}`, left, y, {
    size: 13,
    bold: true,
  });
  y += 6;
  text(
    `${t("headline.asOf", { period: formatPeriod(s.period, lang) })} · ${t("report.generated", { date: formatDate(today, lang) })}`,
    left,
    y,
    { size: 9 },
  );

  // Headline figures: four boxes in a row.
  y += 5;
  const progress = targetProgress(s.enrolled, s.workforce, target);
  const boxes: [string, string, string][] = [
    [t("enrolled"), formatInt(s.enrolled, lang), t("report.workers")],
    [t("coverageRate"), formatPercent(s.coverageRate, lang), t("headline.ofWorkforce", { workforce: formatInt(s.workforce, lang) })],
    [
      t("headline.change12m"),
      formatChange(s.enrolledChange12m, lang),
      t("headline.points", { value: formatChange(s.coverageRateChange12m, lang, true) }),
    ],
    [
      t("headline.target", { target: formatPercent(target, lang) }),
      progress.reached ? t("report.reached") : formatInt(progress.toEnrol, lang),
      progress.reached ? "" : t("report.toEnrol"),
    ],
  ];
  const boxW = (width - 3 * 3) / 4;
  boxes.forEach(([label, value, note], i) => {
    const x = left + i * (boxW + 3);
    doc.setDrawColor(0);
    doc.setLineWidth(0.3);
    doc.rect(x, y, boxW, 22);
    text(label, x + 2, y + 5, { size: 8, maxWidth: boxW - 4 });
    text(value, x + 2, y + 13, { size: 15, bold: true });
    text(note, x + 2, y + 19, { size: 7, maxWidth: boxW - 4 });
  });
  y += 27;
  const sectors = report.coverageSummary.bySector.map(
    (f) =>
      `${t(`sector.${f.sector}`)} ${formatPercent(f.coverageRate, lang)} (${formatInt(f.enrolled, lang)} / ${formatInt(f.workforce, lang)})`,
  );
  text(`${t("bySector")}: ${sectors.join(" · ")}`, left, y, { size: 9, maxWidth: width });

  // The map sheet, as wide as the text.
  y += 4;
  const mapH = (width * map.height) / map.width;
  doc.addImage(map.toDataURL("image/jpeg", 0.92), "JPEG", left, y, width, mapH);
  y += mapH + 7;

  // The lowest-coverage villages.
  text(`${t("ranking")} · ${sectorTitle(sector, t)}`, left, y, { size: 11, bold: true });
  y += 5;
  const cols: { label: string; x: number; align: "left" | "right" }[] = [
    { label: "#", x: left + 5, align: "right" },
    { label: t("village"), x: left + 8, align: "left" },
    { label: t("district"), x: left + 58, align: "left" },
    { label: t("workforce"), x: left + 108, align: "right" },
    { label: t("enrolled"), x: left + 128, align: "right" },
    { label: t("coverageRate"), x: left + 150, align: "right" },
    { label: t("uncovered"), x: left + width, align: "right" },
  ];
  cols.forEach((c) => text(c.label, c.x, y, { size: 8, bold: true, align: c.align }));
  doc.line(left, y + 1.2, left + width, y + 1.2);
  y += 5;
  report.lowest.edges.forEach(({ node: v }, i) => {
    const cells = [
      String(i + 1),
      v.name,
      v.parentName ?? "",
      formatInt(v.workforce, lang),
      formatInt(v.enrolled, lang),
      formatPercent(v.coverageRate, lang),
      formatInt(v.uncovered, lang),
    ];
    cells.forEach((cell, j) => text(cell, cols[j]!.x, y, { size: 8.5, align: cols[j]!.align }));
    y += 4.6;
  });

  // Data sources, the synthetic warning first.
  y = Math.max(y + 3, PAGE.h - PAGE.margin - 10);
  doc.line(left, y - 4, left + width, y - 4);
  const [numbers, boundaries] = dataSourceLines(report.datasetInfo, t);
  text(`${t("report.sources")}: ${numbers}`, left, y, { size: 8.5, bold: report.datasetInfo.synthetic, maxWidth: width });
  text(`${boundaries} · ${t("report.software")}`, left, y + 4.5, { size: 8.5, maxWidth: width });

  // Page 2: what the sessions achieved, next year's cost.
  doc.addPage();
  y = PAGE.margin + 6;
  const table = (columns: string[], rows: string[][]) => {
    const xs = columns.map((_, i) => (i === 0 ? left : left + 70 + (i * (width - 70)) / (columns.length - 1)));
    columns.forEach((c, i) => text(c, xs[i]!, y, { size: 8, bold: true, align: i === 0 ? "left" : "right" }));
    doc.line(left, y + 1.2, left + width, y + 1.2);
    y += 5;
    for (const row of rows) {
      row.forEach((cell, i) => text(cell, xs[i]!, y, { size: 8.5, align: i === 0 ? "left" : "right" }));
      y += 4.6;
    }
  };
  const o = outcomes.sessionOutcomes.total;
  const estimate = (n: number | null) => (n === null ? "-" : formatDecimal(n, lang, 0));
  text(t("slide.achieved"), left, y, { size: 14, bold: true });
  y += 7;
  text(`${formatInt(o.sessionsHeld, lang)} ${t("achieved.sessions", { attendance: formatInt(o.attendance, lang) })}`, left, y, {
    size: 10,
  });
  y += 5;
  text(
    `${formatInt(o.enrollmentsAttributed, lang)} ${o.forecastEnrollments > 0 ? t("achieved.attributedVsForecast", { attributed: formatInt(o.attributedWhereForecast, lang), forecast: formatInt(o.forecastEnrollments, lang) }) : t("achieved.attributed")}`,
    left,
    y,
    { size: 10, maxWidth: width },
  );
  y += 5;
  text(`${estimate(o.estimate)} ${t("achieved.estimate")}`, left, y, { size: 10, maxWidth: width });
  y += 7;
  table(
    [t("district"), t("achieved.held"), t("achieved.attendance"), t("achieved.attributedShort"), t("achieved.estimateShort")],
    outcomes.sessionOutcomes.districts.map((d) => [
      d.name,
      formatInt(d.sessionsHeld, lang),
      formatInt(d.attendance, lang),
      formatInt(d.enrollmentsAttributed, lang),
      estimate(d.estimate),
    ]),
  );
  const minCellSize = outcomes.datasetInfo.minCellSize;
  if (o.suppressedSessions > 0) {
    text(t("achieved.suppressed", { n: minCellSize, sessions: formatInt(o.suppressedSessions, lang) }), left, y + 1, {
      size: 8,
      maxWidth: width,
    });
    y += 5;
  }
  text(t("achieved.method"), left, y + 1, { size: 8, maxWidth: width });
  y += 14;
  const { renewal, parameters } = outcomes.fundingScenario;
  text(t("slide.cost"), left, y, { size: 14, bold: true });
  y += 7;
  text(
    `${formatRupiah(renewal.cost, lang)} ${t("cost.renewal", { active: formatInt(renewal.active, lang), premium: formatRupiah(parameters.monthlyPremium, lang), months: parameters.months })}`,
    left,
    y,
    { size: 10, maxWidth: width },
  );
  y += 7;
  table(
    [t("cost.source"), t("cost.active"), t("cost.cost")],
    renewal.bySource.map((s) => [t(`funding.${s.source}`), formatInt(s.active, lang), formatRupiah(s.cost, lang)]),
  );
  if (renewal.suppressed || renewal.bySource.some((s) => s.suppressed)) {
    text(t("cost.suppressed", { n: minCellSize }), left, y + 1, { size: 8, maxWidth: width });
    y += 5;
  }
  text(t("cost.note"), left, y + 1, { size: 8, maxWidth: width });
  return doc.output("blob");
}
