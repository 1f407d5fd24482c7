// Saved plans: save the current plan (admin token), list, compare side by side, turn into sessions,
// and the CSV and field-sheet exports.
import { useId, useState, type FormEvent } from "react";
import { useQuery } from "@apollo/client/react";
import { useTranslation } from "react-i18next";
import { formatDate, formatInt, formatRupiah } from "../format.ts";
import type { Lang } from "../url-state.ts";
import { adminContext, isAuthError, readAdminToken, storeAdminToken } from "./admin-token.ts";
import { PlanCompare } from "./plan-compare.tsx";
import { useCreateSessionsFromPlanMutation, useSavePlanMutation } from "./plan-mutations.ts";
import { SAVED_PLANS, type PlanInput } from "./plan-queries.ts";
import { canEdit, useMe } from "../people/me.ts";

interface Props {
  input: PlanInput | null;
  compare: number[];
  lang: Lang;
  /** False: the server has no admin token, so nothing can be saved (said plainly, no token asked). */
  mutationsEnabled: boolean;
  onCompare(ids: number[]): void;
}

export function SavedPlans({ input, compare, lang, mutationsEnabled, onCompare }: Props) {
  const { t } = useTranslation();
  const nameId = useId();
  const tokenId = useId();
  const [stored, setStored] = useState(readAdminToken);
  const [tokenDraft, setTokenDraft] = useState("");
  const [name, setName] = useState("");
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const plans = useQuery(SAVED_PLANS);
  const [savePlan, saving] = useSavePlanMutation();
  const [createSessions, creating] = useCreateSessionsFromPlanMutation();

  // A planner or admin signed in saves with the session cookie; anyone else may give the admin token.
  const signedInEditor = canEdit(useMe());
  const token = stored ?? (tokenDraft.trim() || null);
  const forget = () => {
    storeAdminToken(null);
    setStored(null);
  };
  /** Runs an admin action; keeps a working token for the tab, drops a refused one. */
  const asAdmin = async (run: (context: Partial<ReturnType<typeof adminContext>>) => Promise<unknown>, done: string): Promise<boolean> => {
    if (!token && !signedInEditor) {
      setMessage({ text: t("planner.tokenNeeded"), error: true });
      return false;
    }
    try {
      await run(token && !signedInEditor ? adminContext(token) : {});
      if (token && !signedInEditor) {
        storeAdminToken(token);
        setStored(token);
        setTokenDraft("");
      }
      setMessage({ text: done, error: false });
      return true;
    } catch (e) {
      if (isAuthError(e)) forget();
      setMessage({ text: isAuthError(e) ? t("planner.tokenRefused") : t("error", { message: (e as Error).message }), error: true });
      return false;
    }
  };
  const save = (e: FormEvent) => {
    e.preventDefault();
    if (!input || !name.trim()) return;
    void asAdmin(
      (context) => savePlan({ variables: { name: name.trim(), input }, context }),
      t("planner.saved", { name: name.trim() }),
    ).then((ok) => {
      if (ok) setName("");
    });
  };
  const toSessions = (id: number) =>
    asAdmin((context) => createSessions({ variables: { planId: id }, context }), t("planner.sessionsCreated"));

  const list = plans.data?.outreachPlans ?? [];
  const compared = list.filter((p) => compare.includes(p.id));
  return (
    <section className="saved-plans" aria-label={t("planner.tab.saved")}>
      {!mutationsEnabled && !signedInEditor && (
        <p className="notice" role="note" data-saving="off">
          {t("planner.savingOff")}
        </p>
      )}
      {(mutationsEnabled || signedInEditor) && (
        <form className="plan-form" onSubmit={save}>
          <div className="field">
            <label htmlFor={nameId}>{t("planner.planName")}</label>
            <input
              id={nameId}
              name="planName"
              required
              value={name}
              placeholder={t("planner.planNamePlaceholder")}
              onChange={(e) => setName(e.target.value)}
            />
          </div>
          {signedInEditor ? null : stored == null ? (
            <div className="field">
              <label htmlFor={tokenId}>{t("planner.adminToken")}</label>
              <input
                id={tokenId}
                name="adminToken"
                type="password"
                autoComplete="off"
                value={tokenDraft}
                onChange={(e) => setTokenDraft(e.target.value)}
              />
              <span className="hint">{t("planner.tokenHint")}</span>
            </div>
          ) : (
            <button type="button" onClick={forget}>
              {t("planner.forgetToken")}
            </button>
          )}
          <button type="submit" className="primary" disabled={!input || saving.loading}>
            {t("planner.save")}
          </button>
        </form>
      )}
      {message && (
        <p className={message.error ? "error" : "notice"} role={message.error ? "alert" : "status"}>
          {message.text}
        </p>
      )}
      {plans.error && (
        <p className="error" role="alert">
          {t("error", { message: plans.error.message })}
        </p>
      )}
      {plans.data && list.length === 0 && <p className="muted">{t("planner.noSavedPlans")}</p>}
      <ul className="saved-list">
        {list.map((p) => (
          <li key={p.id} data-plan={p.id}>
            <label>
              <input
                type="checkbox"
                name="compare"
                checked={compare.includes(p.id)}
                onChange={(e) => onCompare(e.target.checked ? [...compare, p.id] : compare.filter((id) => id !== p.id))}
              />{" "}
              <strong>{p.name}</strong>
            </label>
            <div className="small muted">
              {formatDate(p.createdAt, lang)} ·{" "}
              {t("planner.savedSummary", {
                sites: formatInt(p.plan.sites.length, lang),
                enrollments: formatInt(p.plan.totals.expectedEnrollments, lang),
                cost: formatRupiah(p.plan.totals.premiumCost, lang),
              })}
            </div>
            <div className="saved-actions small">
              {p.sessionCount > 0 ? (
                <span className="sessions-made">{t("planner.hasSessions", { count: p.sessionCount })}</span>
              ) : (
                mutationsEnabled && (
                  <button type="button" disabled={creating.loading} onClick={() => void toSessions(p.id)}>
                    {t("planner.toSessions")}
                  </button>
                )
              )}
              <a href={`/export/plans/${p.id}.csv`} download>
                {t("planner.csv")}
              </a>
              <a href={`/export/plans/${p.id}/field-sheet?lang=${lang}`} target="_blank" rel="noopener">
                {t("planner.fieldSheet")}
              </a>
            </div>
          </li>
        ))}
      </ul>
      {compared.length >= 2 ? (
        <PlanCompare plans={compared} lang={lang} />
      ) : (
        list.length >= 2 && <p className="small muted">{t("planner.compareHint")}</p>
      )}
    </section>
  );
}
