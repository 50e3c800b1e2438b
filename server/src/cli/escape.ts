// Text from policies and file names goes to a terminal: a value holding ESC [ 2 J (or a file named
// so) would clear the screen, move the cursor or retitle the window when printed raw. Every
// human-readable line the CLI writes passes through here. JSON and SARIF output need none of it:
// JSON.stringify escapes control characters already.

/** C0 controls (tab and line breaks included: a report line must stay one line), DEL, C1 controls
 *  (0x9b is a one-byte CSI on some terminals), and the bidirectional overrides and isolates that
 *  make text display in another order than it is (the "Trojan Source" characters). */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** `s` with every unsafe character written as a `\uXXXX` escape, visible and inert. */
export function escapeControl(s: string): string {
  return s.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** For multi-line text (help, a report): escapes each line, keeps the line breaks. */
export function escapeLines(s: string): string {
  return s.split('\n').map(escapeControl).join('\n');
}
