package exchange.operations.api;

import exchange.matching.Instrument;
import exchange.operations.OperationsConfig;
import exchange.operations.http.ApiException;
import exchange.operations.metrics.FixMetrics;
import exchange.operations.view.MarketView;
import exchange.risk.RiskConfig;
import exchange.risk.RiskGateway;
import exchange.sequencer.Sequencer;
import exchange.sequencer.TradingDay;

import java.util.List;
import java.util.Locale;

/**
 * What the endpoints read and act on.
 *
 * @param tradingDay the schedule's driver: the day and its phase, end of day on request
 * @param view       the market as the event log tells it
 */
public record Services(OperationsConfig config, Sequencer sequencer, TradingDay tradingDay, MarketView view,
                       RiskGateway risk, SessionFigures sessions, FixMetrics fixMetrics, ConsumerLag consumers,
                       List<Instrument> instruments) {
    /**
     * @return the instrument of a symbol (any case)
     * @throws ApiException 404 when there is none
     */
    public Instrument instrument(final String symbol) {
        for (final Instrument i : instruments) {
            if (i.symbol().equalsIgnoreCase(symbol)) {
                return i;
            }
        }
        throw ApiException.notFound("unknown instrument " + symbol);
    }

    /**
     * @return the firm of a name (any case)
     * @throws ApiException 404 when there is none
     */
    public RiskConfig.Firm firm(final String name) {
        for (final RiskConfig.Firm f : risk.config().firms()) {
            if (f.name().equalsIgnoreCase(name)) {
                return f;
            }
        }
        throw ApiException.notFound("unknown firm " + name);
    }

    /**
     * @return a listed account of a firm, by name (any case)
     * @throws ApiException 404 when the firm has no such account
     */
    public RiskConfig.Account account(final RiskConfig.Firm firm, final String name) {
        for (final RiskConfig.Account a : risk.config().accounts()) {
            if (a.firmId() == firm.id() && a.name().equalsIgnoreCase(name)) {
                return a;
            }
        }
        throw ApiException.notFound("firm " + firm.name() + " has no account "
            + name.toUpperCase(Locale.ROOT));
    }
}
