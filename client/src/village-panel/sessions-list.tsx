import { gql, type TypedDocumentNode } from "@apollo/client";
import { useTranslation } from "react-i18next";
import { formatDate, formatInt } from "../format.ts";
import type { SessionsList_SessionFragment as OutreachSession } from "../generated/graphql.ts";
import type { Lang } from "../url-state.ts";
import { isBelowRegion } from "../../../domain/region-code.ts";

/** What the lists show of a session (also the presentation's planned sessions). */
export const SESSIONS_LIST_FIELDS: TypedDocumentNode<OutreachSession> = gql`
  fragment SessionsList_session on OutreachSession {
    id
    title
    status
    startsOn
    endsOn
    villageCode
    villageName
    targetSectors
    attendance
    enrollmentsAttributed
    suppressed
  }
`;
export type { OutreachSession };

/** Planned ones soonest first, the others latest first; the village's own before the rest. */
export function splitSessions(sessions: readonly OutreachSession[], villageCode: string) {
  const own = (s: OutreachSession) => Number(s.villageCode === villageCode);
  const byDate = (dir: 1 | -1) => (a: OutreachSession, b: OutreachSession) => own(b) - own(a) || dir * a.startsOn.localeCompare(b.startsOn);
  const planned = sessions.filter((s) => s.status === "PLANNED").sort(byDate(1));
  const past = sessions
    .filter((s) => s.status !== "PLANNED")
    .sort(byDate(-1))
    .slice(0, 6);
  return { past, planned };
}

function SessionItem({ s, lang, here }: { s: OutreachSession; lang: Lang; here: boolean }) {
  const { t } = useTranslation();
  return (
    <li className={here ? "is-here" : undefined}>
      <strong>{s.title}</strong>
      {!here && s.villageName && (
        <span className="muted">
          {" "}
          · {t("village")} {s.villageName}
        </span>
      )}
      <div className="muted small">
        {formatDate(s.startsOn, lang)}
        {s.endsOn && s.endsOn !== s.startsOn ? ` – ${formatDate(s.endsOn, lang)}` : ""}
        {" · "}
        {t(`status.${s.status}`)}
        {s.targetSectors.length > 0 && ` · ${s.targetSectors.map((x) => t(`sector.${x}`)).join(", ")}`}
        {s.attendance != null && ` · ${t("attendance", { count: s.attendance, formatted: formatInt(s.attendance, lang) })}`}
        {s.enrollmentsAttributed != null && ` · ${t("enrollments", { count: s.enrollmentsAttributed })}`}
        {s.suppressed && <span className="suppressed">{` · ${t("sessionCountsWithheld")}`}</span>}
      </div>
    </li>
  );
}

interface Props {
  sessions: readonly OutreachSession[];
  villageCode: string;
  districtCode: string | null;
  lang: Lang;
}

/** The village's own sessions first, then the others of its district. */
export function SessionsList({ sessions, villageCode, districtCode, lang }: Props) {
  const { t } = useTranslation();
  const near = sessions.filter(
    (s) => s.villageCode === villageCode || (districtCode && s.villageCode && isBelowRegion(s.villageCode, districtCode)),
  );
  const { past, planned } = splitSessions(near, villageCode);
  const block = (title: string, list: OutreachSession[]) => (
    <>
      <h4>{title}</h4>
      {list.length === 0 ? (
        <p className="muted small">{t("noSessions")}</p>
      ) : (
        <ul className="sessions">
          {list.map((s) => (
            <SessionItem key={s.id} s={s} lang={lang} here={s.villageCode === villageCode} />
          ))}
        </ul>
      )}
    </>
  );
  return (
    <>
      {block(t("plannedSessions"), planned)}
      {block(t("pastSessions"), past)}
    </>
  );
}
