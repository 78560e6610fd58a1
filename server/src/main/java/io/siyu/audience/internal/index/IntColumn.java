package io.siyu.audience.internal.index;

/**
 * An int per customer ordinal, 0 meaning "none", in chunks of 65,536 allocated when first written, so that a value held
 * by few customers costs little and one held by all costs four bytes a customer.
 */
final class IntColumn {

    private static final int SHIFT = 16;
    private static final int MASK = (1 << SHIFT) - 1;

    private int[][] chunks = new int[16][];

    int get(int ordinal) {
        var chunk = ordinal >>> SHIFT;
        if (chunk >= chunks.length || chunks[chunk] == null) {
            return 0;
        }
        return chunks[chunk][ordinal & MASK];
    }

    void set(int ordinal, int value) {
        var chunk = ordinal >>> SHIFT;
        if (chunk >= chunks.length) {
            if (value == 0) {
                return;
            }
            var grown = new int[Math.max(chunk + 1, chunks.length * 2)][];
            System.arraycopy(chunks, 0, grown, 0, chunks.length);
            chunks = grown;
        }
        if (chunks[chunk] == null) {
            if (value == 0) {
                return;
            }
            chunks[chunk] = new int[1 << SHIFT];
        }
        chunks[chunk][ordinal & MASK] = value;
    }

    /** Calls back every ordinal with a value other than 0. */
    void forEach(Visitor visitor) {
        for (int chunk = 0; chunk < chunks.length; chunk++) {
            var values = chunks[chunk];
            if (values == null) {
                continue;
            }
            for (int i = 0; i < values.length; i++) {
                if (values[i] != 0) {
                    visitor.visit((chunk << SHIFT) | i, values[i]);
                }
            }
        }
    }

    interface Visitor {
        void visit(int ordinal, int value);
    }

    long sizeInBytes() {
        long bytes = (long) chunks.length * 8;
        for (var chunk : chunks) {
            if (chunk != null) {
                bytes += (long) chunk.length * 4;
            }
        }
        return bytes;
    }
}
