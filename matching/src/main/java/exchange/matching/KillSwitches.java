package exchange.matching;

import java.util.Arrays;

/**
 * The kill switches that are on: firm and account pairs (account 0 for a whole firm), sorted, in an
 * array sized at construction. A switch of a firm blocks every account of it.
 *
 * <p>Matching thread only. Never allocates; {@link #blocks} costs one comparison while no switch is on.
 */
final class KillSwitches {
    /** Most switches on at once; one more is refused. */
    static final int CAPACITY = 1024;

    private final long[] keys = new long[CAPACITY];
    private int size;

    private static long key(final int firmId, final int accountId) {
        return ((long) firmId << 32) | (accountId & 0xFFFFFFFFL);
    }

    /** @return true when the firm's switch or the account's is on */
    boolean blocks(final int firmId, final int accountId) {
        return size != 0 && (contains(firmId, 0) || (accountId != 0 && contains(firmId, accountId)));
    }

    boolean contains(final int firmId, final int accountId) {
        return Arrays.binarySearch(keys, 0, size, key(firmId, accountId)) >= 0;
    }

    /** @return false when there is no room (the switch is not on); true when it is on now or was already */
    boolean add(final int firmId, final int accountId) {
        final int at = Arrays.binarySearch(keys, 0, size, key(firmId, accountId));
        if (at >= 0) {
            return true;
        }
        if (size == CAPACITY) {
            return false;
        }
        final int insert = -at - 1;
        System.arraycopy(keys, insert, keys, insert + 1, size - insert);
        keys[insert] = key(firmId, accountId);
        size++;
        return true;
    }

    void remove(final int firmId, final int accountId) {
        final int at = Arrays.binarySearch(keys, 0, size, key(firmId, accountId));
        if (at >= 0) {
            System.arraycopy(keys, at + 1, keys, at, size - at - 1);
            size--;
        }
    }

    int size() {
        return size;
    }

    int firmAt(final int index) {
        return (int) (keys[index] >>> 32);
    }

    int accountAt(final int index) {
        return (int) keys[index];
    }
}
