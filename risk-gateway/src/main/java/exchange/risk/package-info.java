/**
 * Pre-trade risk checks, run on the FIX acceptor's session threads before a command is journaled:
 * message throttle, kill switch, instrument and phase, order quantity, price tick and collar, order
 * notional, and per-account credit reserved atomically and kept exact from the event log.
 *
 * <p>Entry points: {@link exchange.risk.RiskConfig} (the limits, from {@code config/risk.properties}),
 * {@link exchange.risk.AccountDirectory} (FIX Account text to engine account id and back) and
 * {@link exchange.risk.RiskGateway} (the checks, the kill switch, and the event handler that keeps
 * exposure). No I/O, no locks shared between sessions, no clock reads: time is passed in.
 */
package exchange.risk;
