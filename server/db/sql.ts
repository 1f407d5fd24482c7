export interface QueryOptions {
  signal?: AbortSignal;
}

/** The raw-SQL port every service uses: the same interface over PGlite and node-postgres. */
export interface Sql {
  /**
   * One parameterised statement; returns its rows. `signal`: the request was abandoned: on a
   * server the running statement is cancelled; embedded, the statement does not start.
   */
  query<T = Record<string, unknown>>(text: string, params?: unknown[], options?: QueryOptions): Promise<T[]>;
  /** Several statements at once (migrations); no parameters. */
  exec(text: string): Promise<void>;
  /** Runs `fn` in one transaction: all of it commits, or none of it. */
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
}

/** Counts statements sent through an Sql (used by the N+1 test and the query log). */
export class StatementCounter {
  count = 0;
  reset(): void {
    this.count = 0;
  }
}

export function counted(sql: Sql, counter: StatementCounter): Sql {
  return {
    query(text, params, options) {
      counter.count++;
      return sql.query(text, params, options);
    },
    exec(text) {
      counter.count++;
      return sql.exec(text);
    },
    transaction(fn) {
      return sql.transaction((tx) => fn(counted(tx, counter)));
    },
  };
}
