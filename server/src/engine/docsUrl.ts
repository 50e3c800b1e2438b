// Where each rule's documentation page lives (docs/rules/<ruleId>.md in the repository).
export const REPOSITORY_URL = 'https://github.com/connect-iam/connect-iam';

export function ruleDocsUrl(ruleId: string): string {
  return `${REPOSITORY_URL}/blob/main/docs/rules/${ruleId}.md`;
}
