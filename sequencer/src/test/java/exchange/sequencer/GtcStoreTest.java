package exchange.sequencer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

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
                saved.add(new GtcStore.Saved(i, engineOrders - i, new byte[170]));
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
            saved.add(new GtcStore.Saved(i, i, new byte[170]));
        }
        return saved;
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
