// Placeholder for `kefu play` until its real implementation lands (owned by the lead).
export async function run(_args: string[]): Promise<number> {
  console.error('kefu play: not implemented yet');
  return 2;
}
