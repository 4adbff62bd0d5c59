package exchange.conformance;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * What a runner may ask of the server beyond TCP. Over plain TCP nothing can be asked; a test
 * that runs the server in its own JVM can implement this to make runs deterministic.
 *
 * <p>Called on the script's thread.
 */
public interface ServerControl {

    /**
     * Called before a script opens a connection while it has none open (at the start of every
     * script, and after it has seen all its connections close). Returns once the server has
     * finished with earlier connections, e.g. applied ResetOnDisconnect, so that a new Logon
     * with MsgSeqNum 1 is not judged against the old session.
     *
     * @param timeout how long to wait at most
     * @throws TimeoutException when the server is still busy with old connections after it
     */
    void awaitReadyForNewConnection(Duration timeout) throws InterruptedException, TimeoutException;

    /**
     * Changes a session setting on the server: a script's
     * {@code iSET_SESSION <sessionID> <setting>=<value>}, e.g.
     * {@code iSET_SESSION FIX.4.4:ISLD->TW NEXTSENDERSEQNUM=2000}.
     *
     * @throws UnsupportedOperationException when the server cannot be reached this way
     * @throws IllegalArgumentException      when there is no such session or setting
     */
    default void setSession(String sessionId, String setting, String value) {
        throw new UnsupportedOperationException("iSET_SESSION needs control of the server's sessions, "
                + "which a plain TCP connection does not give");
    }

    /**
     * For a server reached over TCP only, which offers no way to see when it has dropped the
     * previous connection's session: waits a fixed pause before connecting instead, as
     * QuickFIX/J's runner does (its {@code atest.reconnectDelay}, 50 ms).
     *
     * @param pause how long to wait before each first connection; zero for none
     */
    static ServerControl tcpOnly(Duration pause) {
        return timeout -> {
            long pauseMs = Math.min(pause.toMillis(), timeout.toMillis());
            if (pauseMs > 0) {
                Thread.sleep(pauseMs); // nothing to poll: the server's state is out of sight
            }
        };
    }

    /**
     * Moves an instrument to a trading phase: a script's {@code iSET_PHASE AAPL PRE_OPEN}, as the
     * exchange's schedule or an operator would. Returns once the change has its place among the
     * server's commands, so that the script's next message comes after it.
     *
     * @throws UnsupportedOperationException when the server cannot be reached this way
     * @throws IllegalArgumentException      when there is no such instrument or phase
     */
    default void setPhase(String symbol, String phase) {
        throw new UnsupportedOperationException("iSET_PHASE needs control of the server's trading phases, "
                + "which a plain TCP connection does not give");
    }
}
