/**
 * The customers module's endpoints: searching customers, a profile, its timeline and its consent changes for
 * operators; the customer's own profile in the consumer API ({@code /consumer/v1/me}). Depends on {@code directory}.
 */
package io.siyu.customers.internal.web;
