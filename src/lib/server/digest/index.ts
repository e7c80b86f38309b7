// The weekly digest: the weekly review as a self-contained HTML email (and a Slack-compatible
// webhook message) per role, its recipients, delivery with retries and a log that never sends
// the same week twice to the same recipient, and the schedule that sends it.
export { digestConfig, DEFAULT_DIGEST_CRON, DEFAULT_DIGEST_RETRY_CRON, type DigestConfig } from './digestConfig';
export { checkEmail, findRecipient, listRecipients, removeRecipient, saveRecipient, type DigestRecipient } from './digestRecipients';
export { loadDigest, DIGEST_KPIS, type DigestData } from './loadDigest';
export { digestSubject, renderDigestHtml, renderDigestSlack, renderDigestText } from './renderDigest';
export { failedDeliveries, listAttempts, listDeliveries, type DeliveryRow } from './deliveryLog';
export { sendDigests, webhookTarget, type DeliveryOutcome, type DigestTarget } from './sendDigests';
export { digestTargets, digestTick, digestWeekAt, retryFailedDigests, runWeeklyDigest, RETRY_WEEKS } from './runDigest';
export { digestStartup, startDigestSchedule, stopDigestSchedule } from './digestSchedule';
