/** Write keys for ingestion and API tokens for the operator API: issued once in clear, stored as digests, revoked. */
package io.siyu.access.internal.credentials;
