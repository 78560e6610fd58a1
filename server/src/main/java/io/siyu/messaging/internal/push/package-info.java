/**
 * App push through JPush (极光推送) Push API v3: {@link io.siyu.messaging.internal.push.JpushProvider} sends each
 * message to the registration id of the customer's device, with a {@code cid} from JPush's pool kept per ledger row by
 * {@link io.siyu.messaging.internal.push.PushCids}, so a retry never pushes twice. Configured by
 * {@link io.siyu.messaging.internal.push.PushSettings}; without an app key and master secret, push goes to the sandbox
 * outbox. JPush does not call back: {@link io.siyu.messaging.internal.push.PushReceipts} asks its Report API
 * ({@link io.siyu.messaging.internal.push.JpushReports}) on a schedule which pushes reached a device, and notes those
 * delivered.
 */
package io.siyu.messaging.internal.push;
