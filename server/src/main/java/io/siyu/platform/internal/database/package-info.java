/**
 * The embedded PostgreSQL server Siyu starts when no external database is configured: where it keeps its data, how it
 * stops a server a killed Siyu left behind, and never touches a data folder another live Siyu uses.
 */
package io.siyu.platform.internal.database;
