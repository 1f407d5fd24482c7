// The header's sign-in: a login and password form behind a button; signed in, who and the role,
// and sign-out. Answers depend on the role, so the cached ones are dropped on either.
import { useEffect, useId, useState, type FormEvent } from "react";
import { useApolloClient } from "@apollo/client/react";
import { useTranslation } from "react-i18next";
import { loadMe, signIn, signOut, useMe } from "./me.ts";

export function SignIn() {
  const { t } = useTranslation();
  const me = useMe();
  const client = useApolloClient();
  const loginId = useId();
  const passwordId = useId();
  const [login, setLogin] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => void loadMe(), []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const problem = await signIn(login.trim(), password).catch((err: Error) => err.message);
    setBusy(false);
    setError(problem);
    if (!problem) {
      setPassword("");
      await client.resetStore();
    }
  };
  const leave = async () => {
    await signOut();
    await client.resetStore();
  };

  if (me.signedIn) {
    const who = t("people.signedInAs", { name: me.displayName ?? me.login, role: t(`people.role.${me.role}`) });
    return (
      <div className="sign-in signed-in" data-signed-in={me.login ?? ""}>
        <span className="small">{who}</span>
        {/* On a phone only the button shows: its tooltip says who. */}
        <button type="button" title={who} onClick={() => void leave()}>
          {t("people.signOut")}
        </button>
      </div>
    );
  }
  return (
    <details className="sign-in">
      <summary>{t("people.signIn")}</summary>
      <form onSubmit={(e) => void submit(e)} aria-label={t("people.signIn")}>
        <label htmlFor={loginId}>{t("people.login")}</label>
        <input id={loginId} name="login" autoComplete="username" required value={login} onChange={(e) => setLogin(e.target.value)} />
        <label htmlFor={passwordId}>{t("people.password")}</label>
        <input
          id={passwordId}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <button type="submit" className="primary" disabled={busy}>
          {t("people.signIn")}
        </button>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
      </form>
    </details>
  );
}
