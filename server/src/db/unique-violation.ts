// Two requests racing to create the same unique thing (a username): the database refuses the second insert,
// and the route turns that into a conflict rather than a crash. Codes for SQLite and PostgreSQL.
export function isUniqueViolation(err: unknown): boolean {
  const code = typeof err === 'object' && err !== null ? (err as { code?: unknown }).code : undefined;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505';
}
