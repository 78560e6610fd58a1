/**
 * What the running product stands on: the embedded PostgreSQL server used when no external database is configured,
 * the console's single-page routing, the OpenAPI description ({@code RecordSchemas}), the clock, and masking of
 * personal data: in logs, and in every JSON answer to a caller who may not see it ({@code PersonalDataInAnswers}). It
 * owns no tables, publishes no events and exposes nothing other modules call; the {@link io.siyu.shared.PersonalData}
 * it configures for the brand's region is a bean others use. Its root package is empty on purpose: everything it holds
 * is configuration, in {@code internal}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform")
package io.siyu.platform;
