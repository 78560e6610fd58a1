/** The access module's endpoints: signing in and out, operators and roles, write keys and API tokens, the audit log. */
package io.siyu.access.internal.web;
