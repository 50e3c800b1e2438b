// The words of the language status item (pure, so it is tested without an editor).

/** "1 policy, no problems", "3 policies, 5 problems"; empty when no policy is open. */
export function policySummary(policies: number, problems: number): string {
  if (policies === 0) return '';
  const p = policies === 1 ? '1 policy' : `${policies} policies`;
  const q = problems === 0 ? 'no problems' : problems === 1 ? '1 problem' : `${problems} problems`;
  return `${p}, ${q}`;
}
