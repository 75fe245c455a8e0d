// Runs before every client test file. The client's files share one jsdom per worker (no per-file isolation:
// starting jsdom and React for each of thirty files cost half the suite's CPU), so whatever a test leaves
// in the page or in storage is cleared after each test here, once for all files.
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(() => {
  cleanup();
  localStorage.clear();
  sessionStorage.clear();
});
