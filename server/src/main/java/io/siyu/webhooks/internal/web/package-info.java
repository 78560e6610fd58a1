/** The operator API of webhooks: endpoints, their secrets and their deliveries. */
package io.siyu.webhooks.internal.web;
