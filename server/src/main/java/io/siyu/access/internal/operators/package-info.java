/**
 * Operators' accounts: who they are ({@code Operator}, {@code OperatorPrincipal} for the caller of a request, an
 * operator or an API token), their roles and passwords, and signing in with its throttle per client address. Depends on
 * no other room of the access module.
 */
package io.siyu.access.internal.operators;
