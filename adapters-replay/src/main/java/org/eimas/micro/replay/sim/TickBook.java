package org.eimas.micro.replay.sim;

import java.util.Arrays;

/**
 * An order-level limit order book on an integer tick grid, for the simulator.
 *
 * <p>Price levels are indexed by tick over a fixed window; every level holds a FIFO queue of
 * orders (price-time priority). Orders live in a pool of parallel primitive arrays linked into
 * their level queue and into a per-side age list (oldest first), so adding, executing and
 * cancelling are O(1) and allocate nothing (the pool only grows, by doubling, when it is full).
 * Bids sit at or below {@link #bestBid()}, asks at or above {@link #bestAsk()}; the simulator
 * never places a marketable limit order, so the book is never crossed.
 */
final class TickBook {
    static final int NONE = -1;
    static final int BID = 0;
    static final int ASK = 1;

    private final int width;
    private final int base;
    private final int[] head;
    private final int[] tail;
    private final int[] count;
    private final long[] levelQty;

    private long[] oid;
    private int[] opx;
    private int[] oqty;
    private byte[] oside;
    private int[] qNext;
    private int[] qPrev;
    private int[] aNext;
    private int[] aPrev;
    private int freeHead = NONE;
    private int used;

    private final int[] ageHead = {NONE, NONE};
    private final int[] ageTail = {NONE, NONE};
    private final int[] sideOrders = new int[2];
    private int bestBid = NONE;
    private int bestAsk = NONE;
    private long nextOrderId;

    /**
     * @param centerTick the price (in ticks) placed at the middle of the window
     * @param width      number of tick levels in the window
     * @param firstOrderId id given to the first order
     */
    TickBook(int centerTick, int width, long firstOrderId) {
        this.width = width;
        if (centerTick < 2) {
            throw new IllegalArgumentException("price " + centerTick + " ticks is too low to simulate");
        }
        this.base = Math.max(1, centerTick - width / 2);
        head = new int[width];
        tail = new int[width];
        count = new int[width];
        levelQty = new long[width];
        Arrays.fill(head, NONE);
        Arrays.fill(tail, NONE);
        int cap = 1 << 12;
        oid = new long[cap];
        opx = new int[cap];
        oqty = new int[cap];
        oside = new byte[cap];
        qNext = new int[cap];
        qPrev = new int[cap];
        aNext = new int[cap];
        aPrev = new int[cap];
        nextOrderId = firstOrderId;
    }

    /** Price in ticks of a level index. */
    int tickOf(int level) {
        return base + level;
    }

    /** Level index of a price in ticks; fails when the price leaves the window. */
    int levelOf(int tick) {
        int l = tick - base;
        if (l < 0 || l >= width) {
            throw new IllegalStateException("price " + tick + " ticks left the simulator's window [" + base + ", "
                    + (base + width) + ")");
        }
        return l;
    }

    boolean inWindow(int tick) {
        int l = tick - base;
        return l >= 0 && l < width;
    }

    int bestBid() {
        return bestBid;
    }

    int bestAsk() {
        return bestAsk;
    }

    int orders(int side) {
        return sideOrders[side];
    }

    int levelCount(int level) {
        return count[level];
    }

    long levelQty(int level) {
        return levelQty[level];
    }

    int headOf(int level) {
        return head[level];
    }

    int tailOf(int level) {
        return tail[level];
    }

    int nextInQueue(int slot) {
        return qNext[slot];
    }

    long orderId(int slot) {
        return oid[slot];
    }

    int orderQty(int slot) {
        return oqty[slot];
    }

    int orderLevel(int slot) {
        return opx[slot];
    }

    int orderSide(int slot) {
        return oside[slot];
    }

    /** The oldest resting order of a side, or NONE. */
    int oldest(int side) {
        return ageHead[side];
    }

    /** Adds a limit order at the back of the level's queue; returns its slot. */
    int add(int side, int level, int qty) {
        if (qty <= 0) {
            throw new IllegalArgumentException("order size must be positive, got " + qty);
        }
        int s = allocate();
        oid[s] = nextOrderId++;
        opx[s] = level;
        oqty[s] = qty;
        oside[s] = (byte) side;
        // level queue
        qNext[s] = NONE;
        qPrev[s] = tail[level];
        if (tail[level] == NONE) {
            head[level] = s;
        } else {
            qNext[tail[level]] = s;
        }
        tail[level] = s;
        count[level]++;
        levelQty[level] += qty;
        // age list
        aNext[s] = NONE;
        aPrev[s] = ageTail[side];
        if (ageTail[side] == NONE) {
            ageHead[side] = s;
        } else {
            aNext[ageTail[side]] = s;
        }
        ageTail[side] = s;
        sideOrders[side]++;
        if (side == BID) {
            if (bestBid == NONE || level > bestBid) {
                bestBid = level;
            }
        } else if (bestAsk == NONE || level < bestAsk) {
            bestAsk = level;
        }
        return s;
    }

    /** Removes {@code qty} shares from an order (partial cancel or fill); deletes it when nothing is left. */
    void reduce(int slot, int qty) {
        if (qty >= oqty[slot]) {
            delete(slot);
            return;
        }
        oqty[slot] -= qty;
        levelQty[opx[slot]] -= qty;
    }

    /** Removes an order entirely. */
    void delete(int slot) {
        int level = opx[slot];
        int side = oside[slot];
        levelQty[level] -= oqty[slot];
        count[level]--;
        int p = qPrev[slot];
        int n = qNext[slot];
        if (p == NONE) {
            head[level] = n;
        } else {
            qNext[p] = n;
        }
        if (n == NONE) {
            tail[level] = p;
        } else {
            qPrev[n] = p;
        }
        int ap = aPrev[slot];
        int an = aNext[slot];
        if (ap == NONE) {
            ageHead[side] = an;
        } else {
            aNext[ap] = an;
        }
        if (an == NONE) {
            ageTail[side] = ap;
        } else {
            aPrev[an] = ap;
        }
        sideOrders[side]--;
        oqty[slot] = 0;
        qNext[slot] = freeHead;
        freeHead = slot;
        if (count[level] == 0) {
            if (side == BID && level == bestBid) {
                bestBid = scan(level - 1, -1, BID);
            } else if (side == ASK && level == bestAsk) {
                bestAsk = scan(level + 1, 1, ASK);
            }
        }
    }

    private int scan(int from, int step, int side) {
        if (sideOrders[side] == 0) {
            return NONE;
        }
        for (int l = from; l >= 0 && l < width; l += step) {
            if (count[l] > 0) {
                return l;
            }
        }
        return NONE;
    }

    /**
     * Writes the first {@code levels} non-empty levels of a side (best first) as prices and sizes;
     * the rest are (0, 0). Prices are ticks divided by {@code ticksPerUnit}, which rounds exactly
     * like parsing the decimal text.
     */
    void fill(int side, double[] px, double[] sz, int levels, double ticksPerUnit) {
        int n = 0;
        int l = side == BID ? bestBid : bestAsk;
        int step = side == BID ? -1 : 1;
        if (l != NONE) {
            int seen = 0;
            int all = sideOrders[side];
            for (; l >= 0 && l < width && n < levels && seen < all; l += step) {
                if (count[l] > 0) {
                    px[n] = (base + l) / ticksPerUnit;
                    sz[n] = levelQty[l];
                    seen += count[l];
                    n++;
                }
            }
        }
        for (; n < levels; n++) {
            px[n] = 0;
            sz[n] = 0;
        }
    }

    private int allocate() {
        if (freeHead != NONE) {
            int s = freeHead;
            freeHead = qNext[s];
            return s;
        }
        if (used == oid.length) {
            int cap = used * 2;
            oid = Arrays.copyOf(oid, cap);
            opx = Arrays.copyOf(opx, cap);
            oqty = Arrays.copyOf(oqty, cap);
            oside = Arrays.copyOf(oside, cap);
            qNext = Arrays.copyOf(qNext, cap);
            qPrev = Arrays.copyOf(qPrev, cap);
            aNext = Arrays.copyOf(aNext, cap);
            aPrev = Arrays.copyOf(aPrev, cap);
        }
        return used++;
    }
}
