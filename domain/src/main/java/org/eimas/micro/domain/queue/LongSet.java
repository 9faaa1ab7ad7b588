package org.eimas.micro.domain.queue;

/** An open-addressing set of longs (no boxing); grows by doubling. {@code Long.MIN_VALUE} is reserved. */
final class LongSet {
    private static final long EMPTY = Long.MIN_VALUE;
    private long[] keys = new long[64];
    private int size;

    LongSet() {
        java.util.Arrays.fill(keys, EMPTY);
    }

    private static int mix(long k) {
        long h = k * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    boolean add(long k) {
        if (k == EMPTY) {
            throw new IllegalArgumentException("reserved key");
        }
        if ((size + 1) * 2 > keys.length) {
            rehash(keys.length * 2);
        }
        int mask = keys.length - 1;
        for (int i = mix(k) & mask; ; i = (i + 1) & mask) {
            if (keys[i] == k) {
                return false;
            }
            if (keys[i] == EMPTY) {
                keys[i] = k;
                size++;
                return true;
            }
        }
    }

    boolean contains(long k) {
        int mask = keys.length - 1;
        for (int i = mix(k) & mask; ; i = (i + 1) & mask) {
            if (keys[i] == k) {
                return true;
            }
            if (keys[i] == EMPTY) {
                return false;
            }
        }
    }

    boolean remove(long k) {
        int mask = keys.length - 1;
        int i = mix(k) & mask;
        while (keys[i] != k) {
            if (keys[i] == EMPTY) {
                return false;
            }
            i = (i + 1) & mask;
        }
        keys[i] = EMPTY;
        size--;
        // re-insert the rest of the cluster (linear probing deletion)
        for (int j = (i + 1) & mask; keys[j] != EMPTY; j = (j + 1) & mask) {
            long r = keys[j];
            keys[j] = EMPTY;
            size--;
            add(r);
        }
        return true;
    }

    int size() {
        return size;
    }

    void clear() {
        java.util.Arrays.fill(keys, EMPTY);
        size = 0;
    }

    private void rehash(int n) {
        long[] old = keys;
        keys = new long[n];
        java.util.Arrays.fill(keys, EMPTY);
        size = 0;
        for (long k : old) {
            if (k != EMPTY) {
                add(k);
            }
        }
    }
}
