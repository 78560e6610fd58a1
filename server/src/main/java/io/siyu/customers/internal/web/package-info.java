/**
 * The customers module's endpoints: searching customers, a profile, its timeline and its consent changes. Depends on
 * {@code directory}.
 */
package io.siyu.customers.internal.web;
