/**
 * Splits statements into groups that each fit in one customer-managed policy.
 * IAM allows 6,144 characters per managed policy (whitespace excluded); sizes here are
 * measured on the resolved CloudFormation JSON, which is longer than the deployed policy,
 * so the split errs on the safe side. First-fit, order kept.
 */
export const MANAGED_POLICY_BUDGET_CHARS = 5000;

export function packBySize(sizes: readonly number[], budget: number = MANAGED_POLICY_BUDGET_CHARS): number[][] {
  const groups: Array<{ indexes: number[]; used: number }> = [];
  sizes.forEach((size, index) => {
    const group = groups.find((g) => g.used + size <= budget);
    if (group) {
      group.indexes.push(index);
      group.used += size;
    } else {
      groups.push({ indexes: [index], used: size });
    }
  });
  return groups.map((g) => g.indexes);
}
