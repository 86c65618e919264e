/**
 * Leaves the app for another address with a full page load. A module of its own so tests can
 * replace it: jsdom cannot navigate.
 */
export function redirectTo(url: string): void {
  window.location.assign(url);
}
