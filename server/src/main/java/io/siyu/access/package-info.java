/**
 * Who may do what. Owns operators (sign-in, lock-out, roles), API tokens for the operator API, write keys for
 * ingestion, the shop's consumer keys and the tokens they sign for the consumer API, and the audit log. Its API:
 * {@link io.siyu.access.Permission} and {@link io.siyu.access.Role} (the permission matrix),
 * {@link io.siyu.access.WriteKeys} (authenticates ingestion callers), {@link io.siyu.access.ConsumerCaller} (the
 * customer calling the consumer API, for the modules whose endpoints serve it), {@link io.siyu.access.AuditLog}
 * (records changes) and {@link io.siyu.access.Viewer} (what the current caller may see;
 * {@link io.siyu.access.PersonalDataRequired} refuses comparisons with personal data to callers who may not see it).
 * It publishes no events and consumes none.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Access")
package io.siyu.access;
