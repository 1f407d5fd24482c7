// Who is signed in (GET /auth/me), shared by every component; sign-in and sign-out through the
// /auth routes (the session is an httpOnly cookie: the page never sees its token).
import { useSyncExternalStore } from "react";

export type Role = "viewer" | "planner" | "analyst" | "admin";

export interface Me {
  signedIn: boolean;
  login: string | null;
  displayName: string | null;
  /** null: until the server has answered, or anonymous access is off. */
  role: Role | null;
  regions: string[];
  problem?: string;
}

const UNKNOWN: Me = { signedIn: false, login: null, displayName: null, role: null, regions: [] };
let current = UNKNOWN;
const listeners = new Set<() => void>();
const set = (me: Me) => {
  current = me;
  listeners.forEach((l) => l());
};

export async function loadMe(): Promise<void> {
  try {
    const response = await fetch("/auth/me");
    if (response.ok) set((await response.json()) as Me);
  } catch {
    // Offline: stays unknown (reading still works as anonymous).
  }
}

export function useMe(): Me {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => current,
  );
}

/** Plans, budget views and plan exports (the server's matrix: server/people/roles.ts). */
export const canPlan = (me: Me) => me.role === "planner" || me.role === "analyst" || me.role === "admin";
/** Saving plans, sessions and outcomes. */
export const canEdit = (me: Me) => me.role === "planner" || me.role === "admin";

/** Signs in; null on success, else the server's reason. */
export async function signIn(login: string, password: string): Promise<string | null> {
  const response = await fetch("/auth/login", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ login, password }),
  });
  const body = (await response.json().catch(() => ({}))) as Me & { error?: string };
  if (!response.ok) return body.error ?? response.statusText;
  set(body);
  return null;
}

export async function signOut(): Promise<void> {
  await fetch("/auth/logout", { method: "POST" });
  await loadMe();
}
