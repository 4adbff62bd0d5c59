package exchange.matching.command;

/**
 * Tells the engine what time it is, so that GTD orders expire on time when no other command
 * arrives. The sequencer journals one when idle; it has no body.
 */
public final class ClockCommand extends Command {
    @Override
    public CommandType type() {
        return CommandType.CLOCK;
    }

    @Override
    public ClockCommand init() {
        header(type().code(), HEADER_LENGTH);
        buffer.setMemory(offset + 3, HEADER_LENGTH - 3, (byte) 0);
        return this;
    }

    @Override
    protected String body() {
        return "";
    }
}
