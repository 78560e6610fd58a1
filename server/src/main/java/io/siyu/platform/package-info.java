/**
 * What the running product stands on: the embedded PostgreSQL server used when no external database is configured,
 * the console's single-page routing, masking of personal data in logs and the clock. It owns no tables and publishes no
 * events; other modules call only {@link io.siyu.platform.PersonalData}, to mask personal data in free text.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform")
package io.siyu.platform;
