// Snippet text: `$`, `}` and `\` are syntax in VS Code snippets, so literal text must escape them.

export function escapeSnippet(text: string): string {
  return text.replace(/[$}\\]/g, (c) => `\\${c}`);
}
