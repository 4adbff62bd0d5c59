package exchange.sequencer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import exchange.matching.OrderType;
import exchange.matching.Side;
import exchange.matching.TimeInForce;
import exchange.matching.command.RestoreOrderCommand;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GtcStoreTest {
    @TempDir
    Path dir;

    /**
     * The store's capacity is what it is sized for; the engine may hold more good-till orders than that
     * (exchange.engine.orders is 1,048,576, exchange.gtc.capacity 262,144), and an end of day must not
     * fail with them: the save clears the store first, so a failure loses every order.
     */
    @Test
    void shouldSaveAsManyOrdersAsTheEngineCanHoldBeyondItsSizing() {
        final int engineOrders = 20_000;
        try (GtcStore store = new GtcStore(dir, 1_000, engineOrders)) {
            final List<GtcStore.Saved> saved = new ArrayList<>();
            for (int i = 1; i <= engineOrders; i++) {
                saved.add(new GtcStore.Saved(i, engineOrders - i, record(i, 100)));
            }
            store.saveAll(20261127, saved);
            assertThat(store.savedDate()).isEqualTo(20261127);
            assertThat(store.size()).isEqualTo(engineOrders);
            final List<GtcStore.Saved> pending = store.pending();
            assertThat(pending.get(0).orderId()).isEqualTo(engineOrders);
            assertThat(pending.get(engineOrders - 1).orderId()).isEqualTo(1);
        }
    }

    private static List<GtcStore.Saved> orders(final int from, final int to) {
        final List<GtcStore.Saved> saved = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            saved.add(new GtcStore.Saved(i, i, record(i, 100)));
        }
        return saved;
    }

    /** A GTC buy order's restore record, as the GTC recorder saves it, with a ClOrdID of 58 characters. */
    private static byte[] record(final long orderId, final long qty) {
        final byte[] bytes = new byte[RestoreOrderCommand.CONTEXT_OFFSET + 1 + 255];
        final RestoreOrderCommand c = new RestoreOrderCommand();
        c.wrap(new UnsafeBuffer(bytes), 0);
        c.init().instrumentId(1).sessionId(1).firmId(1);
        c.orderId(orderId).side(Side.BUY).orderType(OrderType.LIMIT).timeInForce(TimeInForce.GTC)
            .price(100_0000).orderQty(qty);
        c.context(("gtc-order-" + "0".repeat(40) + orderId).getBytes(StandardCharsets.US_ASCII));
        return Arrays.copyOf(bytes, c.length());
    }

    /** Offsets in the map file of every copy of a byte pattern. */
    private static List<Integer> find(final byte[] file, final byte[] pattern) {
        final List<Integer> found = new ArrayList<>();
        outer:
        for (int i = 0; i + pattern.length <= file.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (file[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            found.add(i);
        }
        return found;
    }

    /**
     * A byte of a saved order changed on disk (a bad sector, a copy gone wrong): Chronicle Map opens the file
     * and reads the entry as it is, so the order would come back at the next start of day with another
     * quantity. The store refuses to open instead, naming the file and the order.
     */
    @Test
    void shouldRefuseToOpenAStoreWithADamagedOrder() throws Exception {
        final byte[] saved17 = record(17, 100);
        try (GtcStore store = new GtcStore(dir, 100, 100)) {
            store.saveAll(20261126, orders(1, 30));
        }
        final Path file = dir.resolve("gtc-orders.cm");
        final byte[] bytes = Files.readAllBytes(file);
        final List<Integer> at = find(bytes, saved17);
        assertThat(at).hasSize(1);
        final int qtyAt = at.get(0) + RestoreOrderCommand.ORDER_QTY_OFFSET;
        assertThat(bytes[qtyAt]).isEqualTo((byte) 100);
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.seek(qtyAt);
            f.write(200); // order 17 would come back for 200
        }
        assertThatThrownBy(() -> new GtcStore(dir, 100, 100))
            .isInstanceOf(UncheckedIOException.class)
            .hasMessageContaining("the GTC store " + file + " is damaged")
            .hasMessageContaining("put back a copy")
            .cause().hasMessage("the entry of order 17 fails its checksum");
        // nor does a new sizing copy it into a new store, where each entry would get a new checksum
        assertThatThrownBy(() -> new GtcStore(dir, 100, 20_000))
            .isInstanceOf(UncheckedIOException.class)
            .cause().hasMessage("the entry of order 17 fails its checksum");
        assertThat(Files.readAllBytes(file)[qtyAt]).isEqualTo((byte) 200);
    }

    /**
     * A file emptied (Chronicle Map would make it a new store). Random damage to the map's layout is not
     * tested: Chronicle Map reads its mapped file without bounds checks, so once its code is compiled a
     * wrong entry length makes it read outside the mapping, a JVM fatal error rather than an exception.
     */
    @Test
    void shouldRefuseToOpenAStoreThatWasEmptied() throws Exception {
        try (GtcStore store = new GtcStore(dir, 100, 100)) {
            store.saveAll(20261126, orders(1, 30));
        }
        final Path file = dir.resolve("gtc-orders.cm");
        Files.write(file, new byte[0]);
        assertThatThrownBy(() -> new GtcStore(dir, 100, 100))
            .isInstanceOf(UncheckedIOException.class)
            .hasMessageContaining("the GTC store " + file + " is damaged")
            .cause().hasMessage("the file is empty");
        assertThat(file).isEmptyFile(); // left for the operator to look at
    }

    /**
     * A map file keeps the sizing it was made with: an operator who raises exchange.gtc.capacity or
     * exchange.engine.orders must get the new room with the orders already saved, not an end of day that
     * fails (and loses every good-till order) at the old size.
     */
    @Test
    void shouldTakeANewSizingWithTheOrdersItHolds() throws Exception {
        try (GtcStore store = new GtcStore(dir, 100, 100)) {
            store.saveAll(20261126, orders(1, 50));
        }
        try (GtcStore store = new GtcStore(dir, 100, 20_000)) {
            assertThat(store.savedDate()).isEqualTo(20261126);
            assertThat(store.pending()).extracting(GtcStore.Saved::orderId).hasSize(50).startsWith(1L, 2L).endsWith(50L);
            store.saveAll(20261127, orders(1, 20_000));
            assertThat(store.size()).isEqualTo(20_000);
        }
        try (GtcStore store = new GtcStore(dir, 100, 20_000)) {
            assertThat(store.size()).isEqualTo(20_000);
            assertThat(store.savedDate()).isEqualTo(20261127);
        }
        assertThat(Files.readString(dir.resolve("gtc-orders.sizing")).trim()).isEqualTo("100 20000");
    }

    /** A store made before the sizing was written down, and a resize a crash left half made. */
    @Test
    void shouldResizeAStoreWhoseSizingIsUnknownAndDropAHalfMadeOne() throws Exception {
        try (GtcStore store = new GtcStore(dir, 100, 100)) {
            store.saveAll(20261126, orders(1, 30));
        }
        Files.delete(dir.resolve("gtc-orders.sizing"));
        Files.writeString(dir.resolve("gtc-orders.cm.new"), "left by a crash");
        try (GtcStore store = new GtcStore(dir, 100, 20_000)) {
            assertThat(store.size()).isEqualTo(30);
            store.saveAll(20261127, orders(1, 20_000));
            assertThat(store.size()).isEqualTo(20_000);
        }
        assertThat(dir.resolve("gtc-orders.cm.new")).doesNotExist();
    }
}
