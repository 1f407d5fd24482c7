// The admin token for saving plans: kept in sessionStorage for this tab only, never in the URL.
const KEY = "cakupan.adminToken";

export function readAdminToken(): string | null {
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function storeAdminToken(token: string | null): void {
  try {
    if (token) sessionStorage.setItem(KEY, token);
    else sessionStorage.removeItem(KEY);
  } catch {
    // Storage disabled: the token lives only as long as the form.
  }
}

/** Apollo operation context that sends the token. */
export function adminContext(token: string): { headers: Record<string, string> } {
  return { headers: { authorization: `Bearer ${token}` } };
}

/** The server refused the token (or there is none configured). */
export function isAuthError(error: unknown): boolean {
  const errors = (error as { errors?: { extensions?: { code?: unknown } }[] } | null)?.errors ?? [];
  return errors.some((e) => e.extensions?.code === "UNAUTHENTICATED" || e.extensions?.code === "FORBIDDEN");
}
