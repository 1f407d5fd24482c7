// Accounts, sign-in sessions and personal API tokens (the CLI, /auth routes and viewer resolution use these).
import type { Database } from "../db/database.ts";
import { badInput, notFound } from "../common/errors.ts";
import { isRole, type Role, type Viewer } from "./roles.ts";
import { hashPassword, MIN_PASSWORD_LENGTH, newToken, tokenHash, verifyPassword } from "./secrets.ts";

export interface UserSummary {
  id: number;
  login: string;
  displayName: string;
  role: Role;
  regions: string[];
  disabled: boolean;
  hasPassword: boolean;
  activeTokens: number;
}

export interface NewUser {
  login: string;
  displayName?: string;
  role: string;
  password?: string | null;
  regions?: string[];
}

export const SESSION_PREFIX = "cks_";
export const API_TOKEN_PREFIX = "cka_";
const HOUR = 3_600_000;

/** Logins are compared in lower case, trimmed. */
export function normalizeLogin(login: string): string {
  const normal = login.trim().toLowerCase();
  if (!/^[a-z0-9][a-z0-9._@-]{1,63}$/.test(normal))
    throw badInput(
      "login",
      `login "${login}" must be 2 to 64 letters, digits, dots, dashes, underscores or @, starting with a letter or digit.`,
    );
  return normal;
}

function checkPassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) throw badInput("password", `the password must be at least ${MIN_PASSWORD_LENGTH} characters.`);
}

const viewerOf = (
  user: { id: number; login: string; displayName: string; role: Role; regions: { regionCode: string }[] },
  kind: Viewer["kind"],
): Viewer => ({
  kind,
  role: user.role,
  name: user.login,
  userId: user.id,
  displayName: user.displayName,
  regions: user.role === "planner" ? user.regions.map((r) => r.regionCode).sort() : [],
});

export class Accounts {
  constructor(private readonly db: Database) {}

  private async checkRegions(role: Role, regions: string[]): Promise<string[]> {
    const codes = [...new Set(regions.map((r) => r.trim()).filter(Boolean))];
    if (role !== "planner") {
      if (codes.length) throw badInput("regions", `only planners have regions; a ${role} may not be given ${codes.join(", ")}.`);
      return [];
    }
    if (!codes.length) throw badInput("regions", "a planner needs at least one region code (e.g. 35.26.05 for a district).");
    const found = new Set(
      (await this.db.prisma.region.findMany({ where: { code: { in: codes } }, select: { code: true } })).map((r) => r.code),
    );
    const unknown = codes.filter((c) => !found.has(c));
    if (unknown.length) throw badInput("regions", `no region with code ${unknown.join(", ")}.`);
    return codes;
  }

  private async user(login: string) {
    const user = await this.db.prisma.appUser.findUnique({ where: { login: normalizeLogin(login) }, include: { regions: true } });
    if (!user) throw notFound(`login: no user "${login}".`);
    return user;
  }

  async add(input: NewUser): Promise<UserSummary> {
    const login = normalizeLogin(input.login);
    if (!isRole(input.role)) throw badInput("role", `role "${input.role}" is not one of viewer, planner, analyst, admin.`);
    const regions = await this.checkRegions(input.role, input.regions ?? []);
    if (input.password != null) checkPassword(input.password);
    if (await this.db.prisma.appUser.findUnique({ where: { login } })) throw badInput("login", `login "${login}" is taken.`);
    const user = await this.db.prisma.appUser.create({
      data: {
        login,
        displayName: input.displayName?.trim() || login,
        role: input.role,
        passwordHash: input.password != null ? await hashPassword(input.password) : null,
        regions: { create: regions.map((regionCode) => ({ regionCode })) },
      },
    });
    return (await this.list()).find((u) => u.id === user.id)!;
  }

  async list(): Promise<UserSummary[]> {
    const now = new Date();
    const users = await this.db.prisma.appUser.findMany({
      orderBy: { login: "asc" },
      include: { regions: true, apiTokens: { where: { revokedAt: null, expiresAt: { gt: now } }, select: { id: true } } },
    });
    return users.map((u) => ({
      id: u.id,
      login: u.login,
      displayName: u.displayName,
      role: u.role,
      regions: u.regions.map((r) => r.regionCode).sort(),
      disabled: u.disabledAt !== null,
      hasPassword: u.passwordHash !== null,
      activeTokens: u.apiTokens.length,
    }));
  }

  /** A new role (and, for a planner, its regions); the user's sessions end so the change applies at once. */
  async setRole(login: string, role: string, regions: string[] = []): Promise<UserSummary> {
    const user = await this.user(login);
    if (!isRole(role)) throw badInput("role", `role "${role}" is not one of viewer, planner, analyst, admin.`);
    const codes = await this.checkRegions(role, regions);
    await this.db.prisma.$transaction([
      this.db.prisma.userRegion.deleteMany({ where: { userId: user.id } }),
      this.db.prisma.appUser.update({
        where: { id: user.id },
        data: { role, regions: { create: codes.map((regionCode) => ({ regionCode })) } },
      }),
    ]);
    return (await this.list()).find((u) => u.id === user.id)!;
  }

  async setPassword(login: string, password: string): Promise<void> {
    const user = await this.user(login);
    checkPassword(password);
    await this.db.prisma.appUser.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(password) } });
    await this.db.prisma.userSession.deleteMany({ where: { userId: user.id } });
  }

  /** Disables a user: no sign-in, its sessions end and its tokens are revoked. */
  async revokeUser(login: string): Promise<{ sessions: number; tokens: number }> {
    const user = await this.user(login);
    const now = new Date();
    const [, sessions, tokens] = await this.db.prisma.$transaction([
      this.db.prisma.appUser.update({ where: { id: user.id }, data: { disabledAt: now } }),
      this.db.prisma.userSession.deleteMany({ where: { userId: user.id } }),
      this.db.prisma.apiToken.updateMany({ where: { userId: user.id, revokedAt: null }, data: { revokedAt: now } }),
    ]);
    return { sessions: sessions.count, tokens: tokens.count };
  }

  async revokeToken(id: number): Promise<void> {
    const token = await this.db.prisma.apiToken.findUnique({ where: { id } });
    if (!token) throw notFound(`token: no API token ${id}.`);
    if (!token.revokedAt) await this.db.prisma.apiToken.update({ where: { id }, data: { revokedAt: new Date() } });
  }

  /** A new personal API token; the secret is returned once and only its hash is kept. */
  async createToken(login: string, name: string, ttlDays: number): Promise<{ id: number; token: string; expiresAt: Date }> {
    const user = await this.user(login);
    if (user.disabledAt) throw badInput("login", `user "${user.login}" is disabled.`);
    if (!name.trim()) throw badInput("name", "the token needs a name (what it is for).");
    const token = newToken(API_TOKEN_PREFIX);
    const expiresAt = new Date(Date.now() + ttlDays * 24 * HOUR);
    const row = await this.db.prisma.apiToken.create({
      data: { userId: user.id, name: name.trim(), tokenHash: tokenHash(token), expiresAt },
    });
    return { id: row.id, token, expiresAt };
  }

  async tokens(login: string) {
    const user = await this.user(login);
    return this.db.prisma.apiToken.findMany({
      where: { userId: user.id },
      orderBy: { id: "asc" },
      select: { id: true, name: true, createdAt: true, expiresAt: true, revokedAt: true, lastUsedAt: true },
    });
  }

  /**
   * Checks a password; on success starts a session of `ttlHours`. The same argon2 work is done
   * for an unknown login, a disabled one or one without a password, so timing tells nothing.
   */
  async signIn(login: string, password: string, ttlHours: number): Promise<{ token: string; viewer: Viewer; expiresAt: Date } | null> {
    let normal: string | null = null;
    try {
      normal = normalizeLogin(login);
    } catch {
      // An impossible login is just a wrong one.
    }
    const user = normal ? await this.db.prisma.appUser.findUnique({ where: { login: normal }, include: { regions: true } }) : null;
    const usable = user && !user.disabledAt ? user : null;
    if (!(await verifyPassword(usable?.passwordHash, password)) || !usable) return null;
    const token = newToken(SESSION_PREFIX);
    const expiresAt = new Date(Date.now() + ttlHours * HOUR);
    await this.db.prisma.userSession.create({ data: { userId: usable.id, tokenHash: tokenHash(token), expiresAt } });
    return { token, viewer: viewerOf(usable, "session"), expiresAt };
  }

  async signOut(sessionToken: string): Promise<void> {
    await this.db.prisma.userSession.deleteMany({ where: { tokenHash: tokenHash(sessionToken) } });
  }

  /** The viewer of a session cookie; null when unknown, expired or its user disabled. */
  async sessionViewer(sessionToken: string): Promise<Viewer | null> {
    const session = await this.db.prisma.userSession.findUnique({
      where: { tokenHash: tokenHash(sessionToken) },
      include: { user: { include: { regions: true } } },
    });
    if (!session || session.expiresAt <= new Date() || session.user.disabledAt) return null;
    return viewerOf(session.user, "session");
  }

  /** The viewer of a personal API token, or why it is refused. */
  async tokenViewer(token: string): Promise<Viewer | string> {
    const row = await this.db.prisma.apiToken.findUnique({
      where: { tokenHash: tokenHash(token) },
      include: { user: { include: { regions: true } } },
    });
    if (!row) return "The token is not valid: no such token.";
    if (row.revokedAt) return `The token "${row.name}" was revoked.`;
    if (row.expiresAt <= new Date()) return `The token "${row.name}" expired on ${row.expiresAt.toISOString().slice(0, 10)}.`;
    if (row.user.disabledAt) return `The token's user "${row.user.login}" is disabled.`;
    await this.db.prisma.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
    return viewerOf(row.user, "api-token");
  }

  /** Sessions past their expiry, deleted. */
  async pruneSessions(): Promise<number> {
    return (await this.db.prisma.userSession.deleteMany({ where: { expiresAt: { lte: new Date() } } })).count;
  }
}
