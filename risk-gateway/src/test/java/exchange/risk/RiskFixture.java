package exchange.risk;

import exchange.matching.Instrument;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Properties;

/**
 * The configuration most tests run with, written out so that a test reads its limits here:
 *
 * <pre>
 *   AAA (id 1): tick 0.01, reference 100.00, collar 10% (90.00 to 110.00), max qty 1,000, max notional 50,000
 *   BBB (id 2): tick 0.05, reference 20.00, collar 5% (19.00 to 21.00), max qty 10,000, max notional 100,000
 *   CCC (id 3): tick 0.01, no reference price (no collar; market orders cannot be valued)
 *   BROKER1 (firm 1): unlisted accounts rejected; default account credit 10,000
 *       ACC1 (id 1) credit 100,000   ACC2 (id 2) credit 20,000
 *   BROKER2 (firm 2): unlisted accounts go to the default account (credit 100,000,000)
 *       ACC3 (id 3) credit 100,000,000
 *   throttle 100 messages per second
 * </pre>
 */
final class RiskFixture {
    static final int AAA = 1;
    static final int BBB = 2;
    static final int CCC = 3;
    static final int BROKER1 = 1;
    static final int BROKER2 = 2;
    static final int DEFAULT_ACCOUNT = 0;
    static final int ACC1 = 1;
    static final int ACC2 = 2;
    static final int ACC3 = 3;
    /** 1/10,000 currency units per currency unit, for readable amounts: {@code 100_000 * CURRENCY}. */
    static final long CURRENCY = 10_000;
    static final long INCARNATION = 0x5EED_0001L;

    static final String PROPERTIES = """
        exchange.risk.collarPercent = 10
        exchange.risk.maxOrderQty = 10_000
        exchange.risk.maxOrderNotional = 100_000
        exchange.risk.throttle.messagesPerSecond = 100
        exchange.risk.creditLimit = 100_000_000
        exchange.risk.instrument.AAA.maxOrderQty = 1_000
        exchange.risk.instrument.AAA.maxOrderNotional = 50_000
        exchange.risk.instrument.BBB.collarPercent = 5
        exchange.risk.firm.1.name = BROKER1
        exchange.risk.firm.1.creditLimit = 10_000
        exchange.risk.firm.2.name = BROKER2
        exchange.risk.firm.2.unlistedAccounts = default
        exchange.risk.account.1.firm = 1
        exchange.risk.account.1.name = ACC1
        exchange.risk.account.1.creditLimit = 100_000
        exchange.risk.account.2.firm = 1
        exchange.risk.account.2.name = ACC2
        exchange.risk.account.2.creditLimit = 20_000
        exchange.risk.account.3.firm = 2
        exchange.risk.account.3.name = ACC3
        """;

    static final List<Instrument> INSTRUMENTS = List.of(
        Instrument.builder(AAA, "AAA").tickSize(100).referencePrice(100_0000).build(),
        Instrument.builder(BBB, "BBB").tickSize(500).referencePrice(20_0000).build(),
        Instrument.builder(CCC, "CCC").tickSize(100).build());

    private RiskFixture() {
    }

    static Properties properties(final String text) {
        final Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (final IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return properties;
    }

    static RiskConfig config() {
        return RiskConfig.from(properties(PROPERTIES));
    }

    static RiskGateway gateway() {
        return new RiskGateway(config(), INSTRUMENTS, INCARNATION);
    }
}
