/**
 * How the library marks who an alarm wakes up, in the synthesized template: the one definition the
 * constructs (src/common/alert-marker.ts) write and the CLI reads. It imports nothing, so the CLI can
 * read it without loading aws-cdk-lib.
 */

/** `Metadata["cdk-reliability:alert"]` on an alarm resource: `"PAGE"` or `"TICKET"`. */
export const ALERT_METADATA_KEY = 'cdk-reliability:alert';

/** The severities a marker can hold (the values of `AlertSeverity`). */
export type AlertMark = 'PAGE' | 'TICKET';
