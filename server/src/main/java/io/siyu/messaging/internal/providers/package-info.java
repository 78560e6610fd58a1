/**
 * Providers' settings: what operators set for each channel's provider in the console, overriding the environment's
 * settings for that channel until they delete them, with the secret fields sealed at rest under the provider keys. The
 * providers read their channel's settings in force from {@link io.siyu.messaging.internal.providers.ProviderSettings}
 * whenever they call out, so a change holds without a restart.
 */
package io.siyu.messaging.internal.providers;
