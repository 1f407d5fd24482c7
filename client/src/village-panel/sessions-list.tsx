import { useTranslation } from 'react-i18next';
import { formatDate, formatInt } from '../format.ts';
import type { Lang } from '../url-state.ts';
import type { OutreachSession } from './queries.ts';

export function splitSessions(sessions: readonly OutreachSession[], today: string) {
  const planned = sessions.filter((s) => s.status === 'PLANNED' && (s.endsOn ?? s.startsOn) >= today);
  const past = sessions.filter((s) => !planned.includes(s)).sort((a, b) => b.startsOn.localeCompare(a.startsOn));
  return { past, planned: planned.sort((a, b) => a.startsOn.localeCompare(b.startsOn)) };
}

function SessionItem({ s, lang }: { s: OutreachSession; lang: Lang }) {
  const { t } = useTranslation();
  return (
    <li>
      <strong>{s.title}</strong>
      <div className="muted small">
        {formatDate(s.startsOn, lang)}
        {s.endsOn && s.endsOn !== s.startsOn ? ` – ${formatDate(s.endsOn, lang)}` : ''}
        {' · '}{t(`status.${s.status}`)}
        {s.targetSectors.length > 0 && ` · ${s.targetSectors.map((x) => t(`sector.${x}`)).join(', ')}`}
        {s.attendance != null && ` · ${t('attendance', { count: s.attendance, formatted: formatInt(s.attendance, lang) })}`}
        {s.enrollmentsAttributed != null && ` · ${t('enrollments', { count: s.enrollmentsAttributed })}`}
      </div>
    </li>
  );
}

export function SessionsList({ sessions, lang }: { sessions: readonly OutreachSession[]; lang: Lang }) {
  const { t } = useTranslation();
  const { past, planned } = splitSessions(sessions, new Date().toISOString().slice(0, 10));
  const block = (title: string, list: OutreachSession[]) => (
    <>
      <h4>{title}</h4>
      {list.length === 0
        ? <p className="muted small">{t('noSessions')}</p>
        : <ul className="sessions">{list.map((s) => <SessionItem key={s.id} s={s} lang={lang} />)}</ul>}
    </>
  );
  return (
    <>
      {block(t('plannedSessions'), planned)}
      {block(t('pastSessions'), past)}
    </>
  );
}
