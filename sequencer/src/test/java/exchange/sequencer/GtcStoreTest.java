package exchange.sequencer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
}
