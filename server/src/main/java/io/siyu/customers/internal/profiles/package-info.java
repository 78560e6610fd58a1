/**
 * Profiles: a profile's state and the rules it keeps whatever order messages arrive in ({@code ProfileState}), how a
 * message carries consent ({@code ConsentRules}), the profiles a batch changes, merged as the identity graph merged
 * them ({@code ProfileBatch}), and the store that reads and writes profiles, identities, merges, consent changes and
 * events in bulk ({@code ProfileStore}). Depends on {@code identity}.
 */
package io.siyu.customers.internal.profiles;
