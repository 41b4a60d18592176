/** Who a burn-rate alert wakes up. */
export enum AlertSeverity {
  /** Page the on-call engineer now: the budget burns fast. */
  PAGE = 'PAGE',
  /** Open a ticket for working hours: the budget burns slowly but steadily. */
  TICKET = 'TICKET',
}
