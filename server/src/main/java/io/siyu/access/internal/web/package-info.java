/**
 * The access module's endpoints: signing in and out, operators and roles, write keys, API tokens and consumer keys,
 * the audit log.
 */
package io.siyu.access.internal.web;
