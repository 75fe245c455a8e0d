// Placeholder for `kefu prove` until its real implementation lands (owned by the lead).
export async function run(_args: string[]): Promise<number> {
  console.error('kefu prove: not implemented yet');
  return 2;
}
