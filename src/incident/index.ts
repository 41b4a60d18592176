// Public API of src/incident: re-exports only.
export { OnCallRouting, OnCallRoutingProps } from './on-call-routing';
export {
  OnCallDestination, DeliveryRetry, PagingWebhookOptions, SlackChannelOptions, TeamsChannelOptions,
} from './on-call-destination';
export { WebhookUrl } from './webhook-url';
