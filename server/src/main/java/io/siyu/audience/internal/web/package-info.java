/**
 * The audience module's endpoints: the index's status and vocabulary and rebuilding behaviour, segments, tags, lifecycle
 * models and RFM, and the 503 answered while the index is being built. Depends on every other room.
 */
package io.siyu.audience.internal.web;
