/**
 * Templates: their versions in the database, the rules a saved template must meet, and rendering with Handlebars
 * over plain maps only (no method calls, no files, no partials from disk), HTML escaped by default and sanitised
 * after rendering.
 */
package io.siyu.messaging.internal.templates;
