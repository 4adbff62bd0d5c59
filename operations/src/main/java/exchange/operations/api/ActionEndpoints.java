package exchange.operations.api;

import exchange.matching.Instrument;
import exchange.matching.TradingPhase;
import exchange.operations.actions.OperatorCommands;
import exchange.operations.http.ApiException;
import exchange.operations.http.Request;
import exchange.operations.http.Response;
import exchange.operations.http.Route;
import exchange.operations.json.JsonWriter;
import exchange.operations.view.CommandOutcomes;
import exchange.operations.view.MarketSnapshot;
import exchange.risk.KillSwitchCommand;
import exchange.risk.RiskConfig;
import exchange.sequencer.CommandWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What operators do. Every action is a command journaled through the sequencer, like an order, so it
 * is replayed after a restart; it is logged with the operator who asked (logger
 * {@value #AUDIT_LOGGER}), and answered with the state that results once the market view has read the
 * command's events: 200 with {@code "applied": true}, or 202 with {@code "applied": false} when that
 * takes longer than the action timeout (the command is journaled and will be applied).
 */
public final class ActionEndpoints {
    /** The logger of operators' actions. */
    public static final String AUDIT_LOGGER = "exchange.operations.audit";
    private static final Logger AUDIT = LoggerFactory.getLogger(AUDIT_LOGGER);

    private final Services services;

    public ActionEndpoints(final Services services) {
        this.services = services;
    }

    /** @return the routes */
    public List<Route> routes() {
        return List.of(
            Route.api("POST", "/api/instruments/([^/]+)/halt", this::halt),
            Route.api("POST", "/api/instruments/([^/]+)/resume", this::resume),
            Route.api("POST", "/api/instruments/([^/]+)/phase", this::phase),
            Route.api("POST", "/api/mass-cancel", this::massCancel),
            Route.api("POST", "/api/end-of-day", this::endOfDay),
            Route.api("POST", "/api/firms/([^/]+)/kill-switch", this::killSwitch));
    }

    private long journal(final Request r, final String what, final CommandWriter command) {
        final long sequence = services.sequencer().commands().append(command);
        AUDIT.info("operator {} from {}: {} (command {})", r.operator(), r.remote(), what, sequence);
        return sequence;
    }

    /** @return the snapshot holding the command's effect, or null when the action timeout passed first */
    private MarketSnapshot await(final long sequence) {
        return services.view().awaitConsumed(sequence, services.config().actionTimeoutMs(), TimeUnit.MILLISECONDS);
    }

    private Response halt(final Request r) {
        final Map<String, Object> body = r.jsonBody();
        Request.onlyKnown(body, "reason");
        return setPhase(r, services.instrument(r.pathParams().get(0)), TradingPhase.HALTED, "halt", reason(body));
    }

    private Response resume(final Request r) {
        final Map<String, Object> body = r.jsonBody();
        Request.onlyKnown(body, "reason");
        final Instrument instrument = services.instrument(r.pathParams().get(0));
        final MarketSnapshot.InstrumentView now = services.view().snapshot().instrument(instrument.symbol());
        if (now == null || now.phase() != TradingPhase.HALTED) {
            throw ApiException.conflict(instrument.symbol() + " is not halted"
                + (now == null ? "" : " (" + now.phase() + ")"));
        }
        // Back to where the schedule has every other instrument now.
        return setPhase(r, instrument, services.tradingDay().phase(), "resume", reason(body));
    }

    private Response phase(final Request r) {
        final Map<String, Object> body = r.jsonBody();
        Request.onlyKnown(body, "phase", "reason");
        final String name = Request.string(body, "phase");
        if (name == null) {
            throw ApiException.badRequest("\"phase\" is required: one of " + PHASE_NAMES);
        }
        return setPhase(r, services.instrument(r.pathParams().get(0)), phase(name), "phase", reason(body));
    }

    private static final String PHASE_NAMES = "pre-open, auction, continuous, pre-close, closed, halted";

    /** @return the phase a name stands for: an engine phase's name in any case, with - or _, or "auction" */
    static TradingPhase phase(final String name) {
        final String normal = name.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        if (normal.equals("AUCTION")) {
            return TradingPhase.VOLATILITY_AUCTION;
        }
        for (final TradingPhase p : TradingPhase.values()) {
            if (p.name().equals(normal)) {
                return p;
            }
        }
        throw ApiException.badRequest("unknown phase '" + name + "'; one of " + PHASE_NAMES);
    }

    private static String reason(final Map<String, Object> body) {
        final String reason = Request.string(body, "reason");
        return reason == null || reason.isBlank() ? "" : " because \"" + reason.replaceAll("\\p{Cntrl}", " ") + "\"";
    }

    private Response setPhase(final Request r, final Instrument instrument, final TradingPhase phase,
                              final String action, final String reason) {
        final long sequence = journal(r, action + " " + instrument.symbol() + " (phase " + phase + ")" + reason,
            OperatorCommands.setPhase(instrument.id(), phase));
        final MarketSnapshot s = await(sequence);
        final JsonWriter w = start(action, r, s != null).field("symbol", instrument.symbol())
            .field("phase", phase.name()).field("sequence", sequence);
        if (s != null) {
            w.name("state");
            Views.instrument(w, s.instrument(instrument.symbol()));
        }
        return Response.json(s != null ? 200 : 202, w.endObject().toString());
    }

    private static JsonWriter start(final String action, final Request r, final boolean applied) {
        return new JsonWriter().beginObject().field("action", action).field("operator", r.operator())
            .field("applied", applied);
    }

    /**
     * Cancels the live orders of a firm (or one of its accounts), of an instrument (every firm's), or of a
     * firm on an instrument: one command per firm (a mass cancel names its firm), reason OPERATOR.
     */
    private Response massCancel(final Request r) {
        final Map<String, Object> body = r.jsonBody();
        Request.onlyKnown(body, "firm", "account", "instrument", "reason");
        final String firmName = Request.string(body, "firm");
        final String accountName = Request.string(body, "account");
        final String symbol = Request.string(body, "instrument");
        if (accountName != null && firmName == null) {
            throw ApiException.badRequest("\"account\" needs its \"firm\"");
        }
        if (firmName == null && symbol == null) {
            throw ApiException.badRequest("say what to cancel: \"firm\", \"instrument\" or both");
        }
        final Instrument instrument = symbol == null ? null : services.instrument(symbol);
        final List<RiskConfig.Firm> firms = firmName == null ? services.risk().config().firms()
            : List.of(services.firm(firmName));
        final RiskConfig.Account account = accountName == null ? null : services.account(firms.get(0), accountName);
        final List<Long> sequences = new ArrayList<>();
        for (final RiskConfig.Firm firm : firms) {
            final String what = "mass cancel of " + (account == null ? "firm " + firm.name() : "account " + account.name()
                + " of firm " + firm.name()) + (instrument == null ? "" : " on " + instrument.symbol()) + reason(body);
            sequences.add(journal(r, what, OperatorCommands.massCancel(firm.id(), account == null ? 0 : account.id(),
                instrument == null ? Instrument.NULL_ID : instrument.id())));
        }
        final MarketSnapshot s = sequences.isEmpty() ? services.view().snapshot() : await(sequences.get(sequences.size() - 1));
        long cancelled = 0;
        for (final long sequence : sequences) {
            cancelled += services.view().outcomes().of(sequence).cancelled();
        }
        final JsonWriter w = start("mass-cancel", r, s != null).field("firm", firmName == null ? null : firms.get(0).name())
            .field("account", account == null ? null : account.name())
            .field("instrument", instrument == null ? null : instrument.symbol());
        w.name("sequences").beginArray();
        sequences.forEach(w::value);
        w.endArray();
        if (s != null) {
            w.field("cancelled", cancelled);
        }
        return Response.json(s != null ? 200 : 202, w.endObject().toString());
    }

    /**
     * Turns the kill switch of a firm, or of one of its accounts, on or off: the engine's, journaled, so
     * that it holds after a restart. On, the engine cancels the firm's (account's) live orders and
     * refuses its new orders and replaces; the risk gateway is told at once as well, so that it refuses
     * them before the command is even applied.
     */
    private Response killSwitch(final Request r) {
        final Map<String, Object> body = r.jsonBody();
        Request.onlyKnown(body, "on", "account", "reason");
        final RiskConfig.Firm firm = services.firm(r.pathParams().get(0));
        final String accountName = Request.string(body, "account");
        final RiskConfig.Account account = accountName == null ? null : services.account(firm, accountName);
        final boolean on = Request.bool(body, "on");
        final int accountId = account == null ? 0 : account.id();
        final boolean wasOn = services.risk().isKillSwitchOn(firm.id(), accountId);
        if (on) {
            services.risk().killSwitch(firm.id(), accountId, true);
        }
        final long sequence = journal(r, "kill switch " + (on ? "ON" : "off") + " for "
            + (account == null ? "firm " + firm.name() : "account " + account.name() + " of firm " + firm.name())
            + reason(body), (buffer, offset) -> KillSwitchCommand.write(buffer, offset, firm.id(), accountId, on));
        if (!on) {
            services.risk().killSwitch(firm.id(), accountId, false);
        }
        final MarketSnapshot s = await(sequence);
        final CommandOutcomes.Outcome outcome = services.view().outcomes().of(sequence);
        if (s != null && outcome.refused()) {
            services.risk().killSwitch(firm.id(), accountId, wasOn); // the engine's switch is what holds
            throw ApiException.conflict("the engine refused the kill switch: it holds no more switches");
        }
        final JsonWriter w = start("kill-switch", r, s != null).field("firm", firm.name())
            .field("account", account == null ? null : account.name()).field("on", on).field("sequence", sequence);
        if (s != null) {
            w.field("cancelled", outcome.cancelled());
            w.name("killSwitches");
            Views.killSwitches(w, s.killSwitches());
        }
        return Response.json(s != null ? 200 : 202, w.endObject().toString());
    }

    /** Ends the trading day now, through the schedule's driver (which then opens the next day at its time). */
    private Response endOfDay(final Request r) {
        final Map<String, Object> body = r.jsonBody();
        Request.onlyKnown(body, "reason");
        final long sequence;
        try {
            sequence = services.tradingDay().requestEndOfDay().get(services.config().actionTimeoutMs(), TimeUnit.MILLISECONDS);
        } catch (final ExecutionException e) {
            throw ApiException.conflict(e.getCause().getMessage());
        } catch (final TimeoutException e) {
            throw new ApiException(503, "the trading-day driver did not take the request in time; it will when it can");
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(503, "interrupted");
        }
        AUDIT.info("operator {} from {}: end of day{} (command {})", r.operator(), r.remote(), reason(body), sequence);
        final MarketSnapshot s = await(sequence);
        final JsonWriter w = start("end-of-day", r, s != null).field("sequence", sequence);
        if (s != null) {
            final CommandOutcomes.Outcome o = services.view().outcomes().of(sequence);
            w.field("tradingDate", o.endedDate()).field("expired", o.expired()).field("carried", o.carried());
        }
        return Response.json(s != null ? 200 : 202, w.endObject().toString());
    }
}
