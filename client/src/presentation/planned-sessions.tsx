import { gql, type TypedDocumentNode } from "@apollo/client";
import { useQuery } from "@apollo/client/react";
import { useTranslation } from "react-i18next";
import { formatDate } from "../format.ts";
import { isInRegionOrNation } from "../../../domain/region-code.ts";
import type { Lang } from "../url-state.ts";
import type { PlannedSessionsQuery } from "../generated/graphql.ts";
import { SESSIONS_LIST_FIELDS, type OutreachSession } from "../village-panel/sessions-list.tsx";
import { QueryPending } from "../query-pending.tsx";

export const PLANNED_SESSIONS: TypedDocumentNode<PlannedSessionsQuery> = gql`
  query PlannedSessions {
    sessions {
      ...SessionsList_session
    }
  }
  ${SESSIONS_LIST_FIELDS}
`;

/** At most this many rows fit a projector at 1280×720. */
export const MAX_SESSIONS = 6;

/**
 * The region's planned sessions, soonest first: the upcoming ones, or when none is upcoming the
 * planned ones whose date has passed without results recorded.
 */
export function plannedSessions(sessions: readonly OutreachSession[], regionCode: string | null, today: string) {
  const planned = sessions
    .filter((s) => s.status === "PLANNED" && s.villageCode && isInRegionOrNation(s.villageCode, regionCode))
    .sort((a, b) => a.startsOn.localeCompare(b.startsOn));
  const upcoming = planned.filter((s) => (s.endsOn ?? s.startsOn) >= today);
  return upcoming.length > 0 ? { sessions: upcoming, overdue: false } : { sessions: planned, overdue: planned.length > 0 };
}

/** Without a saved plan for the region: its planned outreach sessions. */
export function PlannedSessions({ regionCode, lang }: { regionCode: string | null; lang: Lang }) {
  const { t } = useTranslation();
  const { data, error } = useQuery(PLANNED_SESSIONS);
  if (error || !data) return <QueryPending error={error} />;
  const { sessions, overdue } = plannedSessions(data.sessions, regionCode, new Date().toISOString().slice(0, 10));
  const shown = sessions.slice(0, MAX_SESSIONS);
  return (
    <>
      <p className="slide-note">{overdue ? t("outreach.overdue") : t("outreach.fromSessions")}</p>
      {shown.length === 0 ? (
        <p className="slide-empty">{t("outreach.none")}</p>
      ) : (
        <table className="slide-table">
          <thead>
            <tr>
              <th scope="col">{t("outreach.date")}</th>
              <th scope="col">{t("village")}</th>
              <th scope="col">{t("outreach.activity")}</th>
              <th scope="col">{t("sector")}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((s) => (
              <tr key={s.id} data-session={s.id}>
                <td className="date">{formatDate(s.startsOn, lang)}</td>
                <td>{s.villageName}</td>
                <td>{s.title}</td>
                <td>{s.targetSectors.map((x) => t(`sector.${x}`)).join(", ")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {sessions.length > shown.length && <p className="slide-note">{t("outreach.more", { count: sessions.length - shown.length })}</p>}
    </>
  );
}
