package exchange.matching;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigurationTest {

    @Test
    void shouldDefaultToNoPriceProtectionAndRejectingHaltedAndPostOnlyTakers() {
        final Instrument i = Instrument.builder(1, "TEST").build();
        assertThat(i.priceCollarBps()).isZero();
        assertThat(i.circuitBreakerBps()).isZero();
        assertThat(i.circuitBreakerOpeningWindowNs()).isEqualTo(5 * 60_000_000_000L);
        assertThat(i.volatilityAuctionNs()).isEqualTo(2 * 60_000_000_000L);
        assertThat(i.haltedOrderPolicy()).isEqualTo(HaltedOrderPolicy.REJECT);
        assertThat(i.postOnlyPolicy()).isEqualTo(PostOnlyPolicy.REJECT);
        assertThat(i.toString()).contains("collarBps=0", "breakerBps=0", "halted=REJECT", "postOnly=REJECT");
    }

    static Stream<Arguments> invalidInstruments() {
        return Stream.of(
            Arguments.of("negative collar", (UnaryOperator<Instrument.Builder>) b -> b.priceCollarBps(-1), "price collar"),
            Arguments.of("collar above 1000%", (UnaryOperator<Instrument.Builder>) b -> b.priceCollarBps(100_001), "price collar"),
            Arguments.of("negative breaker", (UnaryOperator<Instrument.Builder>) b -> b.circuitBreakerBps(-5), "circuit breaker"),
            Arguments.of("negative window", (UnaryOperator<Instrument.Builder>) b -> b.circuitBreakerOpeningWindowNs(-1),
                "opening window"),
            Arguments.of("zero volatility auction", (UnaryOperator<Instrument.Builder>) b -> b.volatilityAuctionNs(0),
                "volatility auction"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidInstruments")
    void shouldRefuseAnInstrumentWithAnInvalidSetting(final String name, final UnaryOperator<Instrument.Builder> change,
                                                      final String message) {
        assertThatThrownBy(() -> change.apply(Instrument.builder(1, "TEST")).build())
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }

    @Test
    void shouldResolveAFirmsSelfTradePreventionOrTheDefault() {
        final EngineConfig config = EngineConfig.defaults()
            .selfTradePrevention(SelfTradePrevention.CANCEL_RESTING)
            .firmSelfTradePrevention(7, SelfTradePrevention.DECREMENT)
            .selfTradeScope(SelfTradeScope.ACCOUNT);
        assertThat(config.selfTradePrevention(7)).isEqualTo(SelfTradePrevention.DECREMENT);
        assertThat(config.selfTradePrevention(8)).isEqualTo(SelfTradePrevention.CANCEL_RESTING);
        assertThat(config.selfTradeScope()).isEqualTo(SelfTradeScope.ACCOUNT);
        assertThat(EngineConfig.defaults().selfTradePrevention(7)).isEqualTo(SelfTradePrevention.NONE);
        assertThat(config.toString()).contains("selfTradeScope=ACCOUNT", "{7=DECREMENT}");
    }

    @Test
    void shouldRefuseAFirmIdThatDoesNotFitTheOrderStore() {
        assertThatThrownBy(() -> EngineConfig.defaults().firmSelfTradePrevention(0x10000, SelfTradePrevention.NONE))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("firm id");
    }

    @Test
    void shouldKeepSelfTradePreventionCodesStable() {
        assertThat(SelfTradePrevention.fromCode(0)).isNull();
        assertThat(SelfTradePrevention.fromCode(6)).isNull();
        for (final SelfTradePrevention mode : SelfTradePrevention.values()) {
            assertThat(SelfTradePrevention.fromCode(mode.code())).isEqualTo(mode);
        }
        assertThat(SelfTradePrevention.DECREMENT.code()).isEqualTo(5);
    }
}
