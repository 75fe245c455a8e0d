// A buyer avatar is the library's own picture or the name's first character: never a URL a scenario names.
import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Avatar } from '../../client/src/workbench/Avatar.tsx';

describe('Avatar', () => {
  it("shows the library's picture from /library/avatars/", () => {
    const { container } = render(<Avatar name="小鹿" src="avatars/xiaolu.png" />);
    expect(container.querySelector('img')?.getAttribute('src')).toBe('/library/avatars/xiaolu.png');
  });

  it('shows the first character instead of fetching anything from elsewhere', () => {
    for (const src of [
      '//evil.example/track.png',
      'https://evil.example/a.png',
      '/api/auth/logout',
      'data:image/png;base64,AA',
    ]) {
      const { container, unmount } = render(<Avatar name="小鹿" src={src} />);
      expect(container.querySelector('img'), src).toBeNull();
      expect(container.textContent).toBe('小');
      unmount();
    }
  });
});
