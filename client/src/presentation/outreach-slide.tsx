import { useQuery } from "@apollo/client/react";
import { useTranslation } from "react-i18next";
import { formatDate, formatInt, formatRupiah } from "../format.ts";
import type { Lang } from "../url-state.ts";
import { OUTREACH_PLANS, planForRegion } from "./outreach-plan.ts";
import { PlannedSessions } from "./planned-sessions.tsx";
import { QueryPending } from "../query-pending.tsx";
import { TableHead } from "../table-head.tsx";

/** At most this many sites fit a projector at 1280×720. */
const MAX_SITES = 8;

/** The newest saved outreach plan for the region, site by site; without one, the planned sessions. */
export function OutreachSlide({ regionCode, lang }: { regionCode: string | null; lang: Lang }) {
  const { t } = useTranslation();
  const { data, error } = useQuery(OUTREACH_PLANS);
  if (error || !data) return <QueryPending error={error} />;
  const found = planForRegion(data.outreachPlans, regionCode);
  if (!found)
    return (
      <div className="outreach-slide">
        <PlannedSessions regionCode={regionCode} lang={lang} />
      </div>
    );
  const { plan, sites } = found;
  const shown = sites.slice(0, MAX_SITES);
  /** A footer cell: the sum over every site (not only those shown). */
  const total = (f: (s: (typeof sites)[number]) => number, format = formatInt) => (
    <td className="num">
      {format(
        sites.reduce((a, s) => a + f(s), 0),
        lang,
      )}
    </td>
  );
  return (
    <div className="outreach-slide" data-plan={plan.id}>
      <p className="slide-note">
        <strong>{plan.name}</strong> · {t("outreach.saved", { date: formatDate(plan.createdAt, lang) })}
      </p>
      <table className="slide-table">
        <TableHead
          columns={[
            { label: "#", num: true },
            { label: t("outreach.date") },
            { label: t("outreach.site") },
            { label: t("outreach.villages"), num: true },
            { label: t("outreach.uncoveredReached"), num: true },
            { label: t("outreach.expected"), num: true },
            { label: t("outreach.cost"), num: true },
          ]}
        />
        <tbody>
          {shown.map((s) => (
            <tr key={s.order} data-site={s.order}>
              <td className="num">{s.order}</td>
              <td className="date">{formatDate(s.date, lang)}</td>
              <th scope="row">
                {s.name}
                <span className="muted-text"> · {s.districtName}</span>
              </th>
              <td className="num">{formatInt(s.villages.length, lang)}</td>
              <td className="num">{formatInt(s.uncoveredReached, lang)}</td>
              <td className="num">{formatInt(s.expectedEnrollments, lang)}</td>
              <td className="num">{formatRupiah(s.premiumCost, lang)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={3}>
              {t("outreach.total", { count: sites.length })}
            </th>
            {total((s) => s.villages.length)}
            {total((s) => s.uncoveredReached)}
            {total((s) => s.expectedEnrollments)}
            {total((s) => s.premiumCost, formatRupiah)}
          </tr>
        </tfoot>
      </table>
      {sites.length > shown.length && <p className="slide-note">{t("outreach.moreSites", { count: sites.length - shown.length })}</p>}
    </div>
  );
}
