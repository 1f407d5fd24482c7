// The planner's scenarios tab: save a funding scenario for next year (admin), list the saved ones,
// compare two or more side by side (as saved plans are compared).
import { useId, useState, type FormEvent } from "react";
import { useMutation, useQuery } from "@apollo/client/react";
import { useTranslation } from "react-i18next";
import { formatDate, formatInt, formatRupiah } from "../format.ts";
import type { Lang } from "../url-state.ts";
import { useMe } from "../people/me.ts";
import type { FundingSource } from "../generated/graphql.ts";
import { ScenarioCompare } from "./scenario-compare.tsx";
import { SAVE_SCENARIO, SAVED_SCENARIOS } from "./scenario-queries.ts";

const SOURCES: FundingSource[] = ["DBHCHT", "APBD", "DANA_DESA", "SELF", "OTHER"];

export function FundingScenarios({ regionCode, lang }: { regionCode: string | null; lang: Lang }) {
  const { t } = useTranslation();
  const me = useMe();
  const nameId = useId();
  const [name, setName] = useState("");
  const [amounts, setAmounts] = useState<Record<string, string>>({});
  const [compare, setCompare] = useState<number[]>([]);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const saved = useQuery(SAVED_SCENARIOS, { skip: !me.signedIn });
  const [save, saving] = useMutation(SAVE_SCENARIO, {
    update(cache, { data }) {
      if (!data) return;
      cache.updateQuery(
        { query: SAVED_SCENARIOS },
        (old) => old && { fundingScenarios: [data.saveFundingScenario, ...old.fundingScenarios] },
      );
    },
  });

  if (!me.signedIn) {
    return (
      <p className="notice" role="note" data-needs-role="signed-in">
        {t("scenarios.signIn")}
      </p>
    );
  }
  const funding = SOURCES.flatMap((source) => {
    const amount = Number((amounts[source] ?? "").replace(/[^\d]/g, ""));
    return amount > 0 ? [{ source, amount }] : [];
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return;
    save({ variables: { name: name.trim(), input: { regionCode, funding } } }).then(
      () => {
        setMessage({ text: t("scenarios.saved", { name: name.trim() }), error: false });
        setName("");
      },
      (err: Error) => setMessage({ text: t("error", { message: err.message }), error: true }),
    );
  };
  const list = saved.data?.fundingScenarios ?? [];
  const compared = list.filter((s) => compare.includes(s.id));
  return (
    <section className="funding-scenarios saved-plans" aria-label={t("planner.tab.scenarios")}>
      {me.role === "admin" ? (
        <form className="plan-form scenario-form" onSubmit={submit}>
          <div className="field">
            <label htmlFor={nameId}>{t("scenarios.name")}</label>
            <input id={nameId} name="scenarioName" required value={name} onChange={(e) => setName(e.target.value)} />
          </div>
          <fieldset className="field">
            <legend>{t("scenarios.extraMoney")}</legend>
            {SOURCES.map((source) => (
              <label key={source} className="amount-row">
                {t(`funding.${source}`)}{" "}
                <input
                  name={`amount-${source}`}
                  inputMode="numeric"
                  value={amounts[source] ?? ""}
                  placeholder="0"
                  onChange={(e) => setAmounts({ ...amounts, [source]: e.target.value })}
                />
              </label>
            ))}
          </fieldset>
          <button type="submit" className="primary" disabled={saving.loading}>
            {t("scenarios.save")}
          </button>
        </form>
      ) : (
        <p className="notice" role="note" data-saving="admin">
          {t("scenarios.adminSaves")}
        </p>
      )}
      {message && (
        <p className={message.error ? "error" : "notice"} role={message.error ? "alert" : "status"}>
          {message.text}
        </p>
      )}
      {saved.error && (
        <p className="error" role="alert">
          {t("error", { message: saved.error.message })}
        </p>
      )}
      {saved.data && list.length === 0 && <p className="muted">{t("scenarios.none")}</p>}
      <ul className="saved-list">
        {list.map((s) => (
          <li key={s.id} data-scenario={s.id}>
            <label>
              <input
                type="checkbox"
                name="compareScenario"
                checked={compare.includes(s.id)}
                onChange={(e) => setCompare(e.target.checked ? [...compare, s.id] : compare.filter((id) => id !== s.id))}
              />{" "}
              <strong>{s.name}</strong>
            </label>
            <div className="small muted">
              {formatDate(s.createdAt, lang)} ·{" "}
              {t("scenarios.summary", {
                workers: formatInt(s.scenario.newWorkers, lang),
                cost: s.scenario.totalCost === null ? t("scenarios.withheld") : formatRupiah(s.scenario.totalCost, lang),
              })}
            </div>
          </li>
        ))}
      </ul>
      {compared.length >= 2 ? (
        <ScenarioCompare scenarios={compared} lang={lang} />
      ) : (
        list.length >= 2 && <p className="small muted">{t("scenarios.compareHint")}</p>
      )}
    </section>
  );
}
