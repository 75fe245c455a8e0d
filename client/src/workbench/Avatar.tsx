// A buyer's avatar: the library's picture when the scenario names one (served by the server from the
// library's avatars/ folder; nothing from elsewhere), else their first character on a colour picked from
// the name, like Qianniu's default avatars.
import { AVATAR_PATH } from '@kefu/shared/scenario/assets';

const COLOURS = ['#1677ff', '#ff6a00', '#13a8a8', '#722ed1', '#eb2f96', '#52c41a'];

export function Avatar({ name, src, size = 36 }: { name: string; src?: string | undefined; size?: number }) {
  if (src && AVATAR_PATH.test(src)) {
    return <img className="avatar" src={`/library/${src}`} alt="" width={size} height={size} />;
  }
  let hash = 0;
  for (const ch of name) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return (
    <span
      className="avatar"
      aria-hidden="true"
      style={{ width: size, height: size, background: COLOURS[hash % COLOURS.length] }}
    >
      {Array.from(name)[0] ?? '?'}
    </span>
  );
}
