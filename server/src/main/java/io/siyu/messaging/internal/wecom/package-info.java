/**
 * WeCom (企业微信): messages to external contacts as mass-message tasks the staff member who owns the relationship
 * confirms, the access token they need, and the tasks' outcomes recorded on the customers' timelines.
 */
package io.siyu.messaging.internal.wecom;
