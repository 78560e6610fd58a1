/**
 * What the running product stands on: the embedded PostgreSQL server used when no external database is configured,
 * the console's single-page routing, masking of personal data in logs and the clock. It owns no tables, publishes no
 * events and exposes nothing other modules call.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform")
package io.siyu.platform;
