/** One SQL statement with its parameters. Emitters produce these; connections run them. */
export interface Statement {
  readonly sql: string;
  readonly params?: readonly unknown[];
}
