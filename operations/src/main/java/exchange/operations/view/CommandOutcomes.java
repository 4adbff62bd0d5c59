package exchange.operations.view;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What recent commands did, as their events told: orders cancelled by a mass cancel or a kill switch,
 * the day a DayEnded closed. Operators' actions answer with it. Keeps the last {@value #KEPT} commands.
 *
 * <p>Written by the view's thread, read by any (synchronized; a handful of calls per operator action).
 */
public final class CommandOutcomes {
    static final int KEPT = 4096;

    /**
     * What one command did.
     *
     * @param cancelled    orders it cancelled (a MassCancelled's count, a kill switch's)
     * @param endedDate    the trading date a DayEnded of it closed, 0 if none
     * @param expired      Day orders that expired at that end of day
     * @param carried      GTC and GTD orders carried over
     * @param refused      the engine refused it (a kill switch it had no room for)
     */
    public record Outcome(long cancelled, int endedDate, long expired, long carried, boolean refused) {
        static final Outcome NONE = new Outcome(0, 0, 0, 0, false);
    }

    private final Map<Long, Outcome> outcomes = new LinkedHashMap<>() {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(final Map.Entry<Long, Outcome> eldest) {
            return size() > KEPT;
        }
    };

    synchronized void cancelled(final long commandSequence, final long count) {
        final Outcome o = outcomes.getOrDefault(commandSequence, Outcome.NONE);
        outcomes.put(commandSequence, new Outcome(o.cancelled() + count, o.endedDate(), o.expired(), o.carried(),
            o.refused()));
    }

    synchronized void refused(final long commandSequence) {
        final Outcome o = outcomes.getOrDefault(commandSequence, Outcome.NONE);
        outcomes.put(commandSequence, new Outcome(o.cancelled(), o.endedDate(), o.expired(), o.carried(), true));
    }

    synchronized void dayEnded(final long commandSequence, final int date, final long expired, final long carried) {
        final Outcome o = outcomes.getOrDefault(commandSequence, Outcome.NONE);
        outcomes.put(commandSequence, new Outcome(o.cancelled(), date, expired, carried, o.refused()));
    }

    /** @return what the command did; all zero for a command whose events said nothing of the kind */
    public synchronized Outcome of(final long commandSequence) {
        return outcomes.getOrDefault(commandSequence, Outcome.NONE);
    }
}
