// CSRF defence: a state-changing request (and every socket handshake) must come from our own origin. With
// PUBLIC_ORIGIN set it must equal it; otherwise it must name the host the request was sent to (same-origin).
export function isAllowedOrigin(
  origin: string | undefined,
  host: string | undefined,
  publicOrigin: string | null,
): boolean {
  if (!origin) return false;
  if (publicOrigin) return origin === publicOrigin;
  if (!host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
