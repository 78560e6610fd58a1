/**
 * The audience index: every customer in memory as bitmaps (live customers, facts, traits, consent, tags, behaviour
 * per activity key and day, the members of segments, stages and RFM groups), the structures it is made of
 * ({@code BitSlicedIndex}, {@code TraitColumn}, {@code ActivityColumn}), what a batch changed in it ({@code Touched}),
 * and the index in use ({@code CurrentIndex}: replaced at each build, ready or not, with the lock batches hold).
 * Depends on no other room of the audience module.
 */
package io.siyu.audience.internal.index;
