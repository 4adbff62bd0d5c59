package exchange.risk;

import exchange.matching.TradingPhase;

import static exchange.risk.Amounts.money;
import static exchange.risk.Amounts.percent;
import static exchange.risk.Amounts.qty;

/**
 * The Text(58) of every refusal: which limit, and the values that broke it. Cold path (only when a
 * check fails): allocates.
 */
final class RejectTexts {
    private RejectTexts() {
    }

    static String throttle(final int rate, final int limit) {
        return "Message rate " + qty(rate) + "/s exceeds the session limit of " + qty(limit) + "/s";
    }

    static String firmKillSwitch(final FirmRisk firm) {
        return "Kill switch is on for firm " + firm.name();
    }

    static String accountKillSwitch(final AccountRisk account) {
        return "Kill switch is on for " + account.label();
    }

    static String unknownAccount(final FirmRisk firm, final int accountId) {
        return "Account id " + accountId + " is not an account of firm " + firm.name();
    }

    static String unknownInstrument(final int instrumentId) {
        return "Unknown instrument id " + instrumentId;
    }

    static String phase(final InstrumentRisk instrument, final TradingPhase phase) {
        return "Instrument " + instrument.symbol() + " is " + (phase == TradingPhase.HALTED ? "halted" : "closed");
    }

    static String invalidOrderType(final String what) {
        return "Order " + what + " is missing or not supported";
    }

    static String quantityNotPositive(final long quantity) {
        return "Order quantity " + qty(quantity) + " must be above zero";
    }

    static String quantityAboveMax(final long quantity, final InstrumentRisk instrument) {
        return "Order quantity " + qty(quantity) + " exceeds the maximum order quantity "
            + qty(instrument.maxOrderQty()) + " for " + instrument.symbol();
    }

    static String priceNotPositive(final long price) {
        return "Limit price " + money(price) + " must be above zero";
    }

    static String priceOffTick(final long price, final InstrumentRisk instrument) {
        return "Price " + money(price) + " is not a multiple of the tick size " + money(instrument.instrument().tickSize())
            + " for " + instrument.symbol();
    }

    static String priceOutsideCollar(final long price, final InstrumentRisk instrument) {
        return "Price " + money(price) + " is outside the risk collar " + money(instrument.collarLow()) + " to "
            + money(instrument.collarHigh()) + " (" + percent(instrument.collarBasisPoints())
            + " around the reference price " + money(instrument.instrument().referencePrice()) + ") for "
            + instrument.symbol();
    }

    static String noMarketValuation(final InstrumentRisk instrument) {
        return "Market orders on " + instrument.symbol()
            + " cannot be valued for the risk checks: the instrument has no reference price";
    }

    static String notionalAboveMax(final long price, final long quantity, final InstrumentRisk instrument) {
        return "Order notional " + Amounts.notional(price, quantity) + " exceeds the maximum order notional "
            + money(instrument.maxOrderNotional()) + " for " + instrument.symbol();
    }

    static String creditLimit(final long amount, final long exposure, final AccountRisk account) {
        return "Credit limit " + money(account.creditLimit()) + " of " + account.label() + " exceeded: exposure "
            + money(exposure) + " plus this order's " + money(amount) + " would be " + money(exposure + amount);
    }

    static String contextTooLong(final int length) {
        return "Order identifiers too long: " + length + " bytes of context, at most "
            + RiskStamp.MAX_CONTEXT_BEFORE_STAMP;
    }
}
