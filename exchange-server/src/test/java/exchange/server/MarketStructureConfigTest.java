package exchange.server;

import exchange.matching.HaltedOrderPolicy;
import exchange.matching.Instrument;
import exchange.matching.PostOnlyPolicy;
import exchange.matching.SelfTradePrevention;
import exchange.matching.SelfTradeScope;
import exchange.sequencer.SequencerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The market-structure settings: per instrument in instruments.csv, self-trade prevention in exchange.properties. */
class MarketStructureConfigTest {
    private static final String HEADER = "id,symbol,tick,lot,reference,collar_bps,breaker_bps,opening_window_s,"
        + "volatility_auction_s,halted_orders,post_only\n";

    @TempDir
    Path dir;

    private List<Instrument> read(final String csv) throws Exception {
        final Path file = dir.resolve("instruments.csv");
        Files.writeString(file, csv);
        return InstrumentsFile.read(file);
    }

    @Test
    void shouldReadEachInstrumentsMarketStructureSettings() throws Exception {
        final List<Instrument> instruments = read(HEADER
            + "1,AAA,0.01,1,100,1000,500,300,1.5,accept,reprice\n"
            + "2,BBB,0.01,1,100,,,,,,\n");
        final Instrument a = instruments.get(0);
        assertThat(a.priceCollarBps()).isEqualTo(1000);
        assertThat(a.circuitBreakerBps()).isEqualTo(500);
        assertThat(a.circuitBreakerOpeningWindowNs()).isEqualTo(300_000_000_000L);
        assertThat(a.volatilityAuctionNs()).isEqualTo(1_500_000_000L);
        assertThat(a.haltedOrderPolicy()).isEqualTo(HaltedOrderPolicy.ACCEPT);
        assertThat(a.postOnlyPolicy()).isEqualTo(PostOnlyPolicy.REPRICE);
        final Instrument b = instruments.get(1);
        assertThat(b.priceCollarBps()).isZero();
        assertThat(b.circuitBreakerBps()).isZero();
        assertThat(b.haltedOrderPolicy()).isEqualTo(HaltedOrderPolicy.REJECT);
        assertThat(b.postOnlyPolicy()).isEqualTo(PostOnlyPolicy.REJECT);
    }

    @Test
    void shouldNameTheLineAndTheProblemOfABadSetting() {
        assertThatThrownBy(() -> read(HEADER + "1,AAA,0.01,1,100,200000,,,,,\n"))
            .hasMessageContaining("line 2").hasMessageContaining("price collar must be 0 to 100000 bps");
        assertThatThrownBy(() -> read(HEADER + "1,AAA,0.01,1,100,,,,0,,\n"))
            .hasMessageContaining("line 2").hasMessageContaining("volatility auction must last a positive time");
        assertThatThrownBy(() -> read(HEADER + "1,AAA,0.01,1,100,,,,,maybe,\n"))
            .hasMessageContaining("halted_orders must be reject or accept: 'maybe'");
        assertThatThrownBy(() -> read(HEADER + "1,AAA,0.01,1,100,,,,,,later\n"))
            .hasMessageContaining("post_only must be reject or reprice: 'later'");
        assertThatThrownBy(() -> read(HEADER + "1,AAA,0.01,1,100,ten,,,,,\n"))
            .hasMessageContaining("collar_bps must be a whole number: 'ten'");
        assertThatThrownBy(() -> read("id,symbol,tick,lot,reference,colar_bps\n1,AAA,0.01,1,100,10\n"))
            .hasMessageContaining("unknown column 'colar_bps'");
    }

    @Test
    void shouldNameTheLineTheColumnAndTheOtherLineOfADuplicateOrANonNumber() {
        final String header = "id,symbol,tick,lot,reference,levels\n";
        assertThatThrownBy(() -> read(header + "1,AAA,0.01,1,100,\n2,BBB,0.01,1,100,\n3,AAA,0.01,1,100,\n"))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("instruments.csv line 4: symbol AAA is already used on line 2");
        assertThatThrownBy(() -> read(header + "# a comment\n7,AAA,0.01,1,100,\n7,BBB,0.01,1,100,\n"))
            .hasMessageContaining("instruments.csv line 4: id 7 is already used on line 3");
        assertThatThrownBy(() -> read(header + "x,AAA,0.01,1,100,\n"))
            .hasMessageContaining("line 2: id must be a whole number: 'x'");
        assertThatThrownBy(() -> read(header + "1,AAA,0.01,1.5,100,\n"))
            .hasMessageContaining("line 2: lot must be a whole number: '1.5'");
        assertThatThrownBy(() -> read(header + "1,AAA,0.01,1,100,many\n"))
            .hasMessageContaining("line 2: levels must be a whole number: 'many'");
        assertThatThrownBy(() -> read(header + "1,AAA,0.01,1,100,4096,500\n"))
            .as("a value without a column is not dropped in silence")
            .hasMessageContaining("line 2: 7 values for the header's 6 columns");
    }

    @Test
    void shouldReadTheShippedInstruments() {
        final List<Instrument> shipped = InstrumentsFile.read(ShippedConfig.REPOSITORY_CONFIG.resolve("instruments.csv"));
        assertThat(shipped).isNotEmpty().allSatisfy(i -> assertThat(i.priceCollarBps()).isPositive());
    }

    @Test
    void shouldConfigureSelfTradePreventionPerFirmAndRefuseUnknownModes() throws Exception {
        Files.createDirectories(dir.resolve("config"));
        final ExchangeConfig config = ExchangeConfig.load(dir.resolve("config"), Map.of(
            SequencerConfig.STP_SCOPE, "account", SequencerConfig.STP_DEFAULT, "cancel-aggressor",
            SequencerConfig.STP_FIRM_PREFIX + "2", "decrement"));
        assertThat(config.sequencer().engine().selfTradeScope()).isEqualTo(SelfTradeScope.ACCOUNT);
        assertThat(config.sequencer().engine().selfTradePrevention(1)).isEqualTo(SelfTradePrevention.CANCEL_AGGRESSOR);
        assertThat(config.sequencer().engine().selfTradePrevention(2)).isEqualTo(SelfTradePrevention.DECREMENT);
        assertThat(config.describe()).containsEntry(SequencerConfig.STP_DEFAULT, "cancel-aggressor");
        assertThatThrownBy(() -> ExchangeConfig.load(dir.resolve("config"), Map.of(SequencerConfig.STP_DEFAULT, "cancel")))
            .hasMessageContaining("exchange.stp.default must be none, cancel-aggressor");
        assertThatThrownBy(() -> ExchangeConfig.load(dir.resolve("config"), Map.of(SequencerConfig.STP_SCOPE, "desk")))
            .hasMessageContaining("exchange.stp.scope must be firm or account: 'desk'");
        assertThatThrownBy(() -> ExchangeConfig.load(dir.resolve("config"), Map.of(SequencerConfig.STP_FIRM_PREFIX + "x", "none")))
            .hasMessageContaining("exchange.stp.firm.x: the firm must be its number");
    }
}
