/**
 * Durable scheduled work on db-scheduler: its table in the {@code platform} schema, its settings (a dead node's work
 * is revived within about 30 seconds), and task data written as JSON by the application's own mapper instead of Java
 * serialisation.
 */
package io.siyu.platform.internal.scheduling;
