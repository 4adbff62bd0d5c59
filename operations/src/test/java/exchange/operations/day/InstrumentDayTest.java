package exchange.operations.day;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;

import static org.assertj.core.api.Assertions.assertThat;

class InstrumentDayTest {
    @Test
    void shouldKeepOpenHighLowCloseVolumeTurnoverAndVwapExactly() {
        final InstrumentDay day = new InstrumentDay("AAPL");
        day.add(190_2500, 100);
        day.add(191_0000, 50);
        day.add(189_9900, 30);
        day.add(190_5000, 20);

        final InstrumentDay.Figures f = day.figures();

        assertThat(f.trades()).isEqualTo(4);
        assertThat(f.volume()).isEqualTo(200);
        assertThat(f.open()).isEqualByComparingTo("190.25");
        assertThat(f.high()).isEqualByComparingTo("191.00");
        assertThat(f.low()).isEqualByComparingTo("189.99");
        assertThat(f.close()).isEqualByComparingTo("190.50");
        // 19025 + 9550 + 5699.70 + 3810 = 38084.70
        assertThat(f.turnover().toPlainString()).isEqualTo("38084.70");
        // 38084.70 / 200 = 190.4235
        assertThat(f.vwap().toPlainString()).isEqualTo("190.4235");
    }

    @Test
    void shouldHaveNoPricesBeforeItsFirstTradeAndAfterANewDay() {
        final InstrumentDay day = new InstrumentDay("MSFT");
        assertThat(day.figures().open()).isNull();
        assertThat(day.figures().vwap()).isNull();
        day.add(420_0000, 1);
        day.clear();
        assertThat(day.figures()).isEqualTo(new InstrumentDay.Figures("MSFT", 0, 0, null, null, null, null,
            new BigDecimal("0.00"), null));
    }

    @Test
    void shouldWriteAmountsWithTwoToFourDecimals() {
        assertThat(Amounts.text(190_2500)).isEqualTo("190.25");
        assertThat(Amounts.text(190_2525)).isEqualTo("190.2525");
        assertThat(Amounts.text(30000_5000)).isEqualTo("30000.50");
        assertThat(Amounts.text(42_0000)).isEqualTo("42.00");
        assertThat(Amounts.text(-1)).isEqualTo("-0.0001");
        // 1 / 3 of a ten-thousandth rounds half-even
        assertThat(Amounts.average(BigInteger.valueOf(10), 3).toPlainString()).isEqualTo("0.0003");
        assertThat(Amounts.average(BigInteger.valueOf(25), 10).toPlainString()).isEqualTo("0.0002");
    }
}
