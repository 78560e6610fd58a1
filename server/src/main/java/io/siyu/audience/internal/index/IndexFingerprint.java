package io.siyu.audience.internal.index;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import org.roaringbitmap.RoaringBitmap;

/**
 * A digest of what the index holds, by value and part by part (live customers, each fact, trait, consent category, tag, activity key,
 * segment and stage), so that two indexes built different ways (kept current event by event, or rebuilt from
 * PostgreSQL) can be compared, and a difference named. Empty parts are left out: an index that once held a value and
 * lost it equals one that never held it. {@link AudienceIndex#fingerprint} walks the index's parts into one.
 */
final class IndexFingerprint {

    private final Map<String, String> parts = new TreeMap<>();

    /** Part name to SHA-256 of its content, in name order. */
    Map<String, String> digests() {
        return parts;
    }

    void bitmap(String name, RoaringBitmap members) {
        put(name, bitmap(members));
    }

    void numbers(String name, BitSlicedIndex values) {
        put(name, numbers(values));
    }

    void text(String name, TraitColumn column) {
        put(name, text(column));
    }

    void activity(String name, ActivityColumn column) {
        put(name, activity(column));
    }

    private void put(String name, Digest digest) {
        if (digest.entries > 0) {
            parts.put(name, digest.hex());
        }
    }

    private static Digest bitmap(RoaringBitmap members) {
        var digest = new Digest();
        members.forEach((int ordinal) -> digest.entry().add(ordinal));
        return digest;
    }

    private static Digest numbers(BitSlicedIndex values) {
        var digest = new Digest();
        addNumbers(digest, values);
        return digest;
    }

    private static void addNumbers(Digest digest, BitSlicedIndex values) {
        values.existence().forEach((int ordinal) -> digest.entry().add(ordinal).add(values.get(ordinal)));
    }

    private static Digest text(TraitColumn column) {
        var digest = new Digest();
        column.forEachText((value, ordinal) -> digest.entry().add(ordinal).add(value));
        digest.add("numbers");
        addNumbers(digest, column.numbers());
        digest.add("dates");
        addNumbers(digest, column.dates());
        return digest;
    }

    private static Digest activity(ActivityColumn column) {
        var digest = new Digest();
        ActivityColumn.RowConsumer row = (ordinal, count, sum, min, max) -> {
            digest.entry().add(ordinal).add(count);
            if (column.measured()) {
                digest.add(sum).add(min).add(max);
            }
        };
        column.ever().forEachRow(row);
        column.forEachDay((rows, day) -> {
            digest.add("day").add(day);
            rows.forEachRow(row);
        });
        return digest;
    }

    /** SHA-256 over a sequence of values, counting entries. */
    private static final class Digest {
        private final MessageDigest sha;
        private long entries;

        Digest() {
            try {
                sha = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        Digest entry() {
            entries++;
            return this;
        }

        Digest add(long value) {
            for (int shift = 56; shift >= 0; shift -= 8) {
                sha.update((byte) (value >>> shift));
            }
            return this;
        }

        Digest add(String value) {
            var bytes = value.getBytes(StandardCharsets.UTF_8);
            add(bytes.length);
            sha.update(bytes);
            return this;
        }

        String hex() {
            return HexFormat.of().formatHex(sha.digest()) + " (" + entries + ")";
        }
    }
}
