package exchange.benchmarks;

import exchange.sequencer.crash.CrashRound;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code bin/soak crash --rounds N}: many crash-and-recover rounds of the sequencer, each killing a
 * child JVM with SIGKILL at a random moment under a stream of orders and checking, after restart,
 * that nothing acknowledged was lost, nothing published twice, and the books equal a replay.
 */
@Command(name = "soak", mixinStandardHelpOptions = true, description = "Long-running robustness tests.",
    subcommands = {SoakMain.Crash.class})
public final class SoakMain implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(final String[] args) {
        System.exit(new CommandLine(new SoakMain()).execute(args));
    }

    @Command(name = "crash", mixinStandardHelpOptions = true,
        description = "Kill the sequencer with SIGKILL at random moments and check recovery.")
    static final class Crash implements Callable<Integer> {
        @Option(names = "--rounds", description = "rounds (default: ${DEFAULT-VALUE}).")
        int rounds = 20;

        @Option(names = "--commands", description = "commands per round (default: ${DEFAULT-VALUE}).")
        int commands = 300_000;

        @Option(names = "--seed", description = "first seed; round i uses seed + i (default: ${DEFAULT-VALUE}).")
        long seed = 7_000;

        @Option(names = "--dir", description = "scratch directory (default: ${DEFAULT-VALUE}).")
        Path dir = Path.of("benchmarks/target/soak");

        @Override
        public Integer call() throws Exception {
            final SplittableRandom random = new SplittableRandom(seed);
            for (int i = 0; i < rounds; i++) {
                final Path data = dir.resolve("round-" + i);
                delete(data);
                final long killAfter = 20 + random.nextInt(1_500);
                final long snapshots = random.nextBoolean() ? 0 : 1_000 + random.nextInt(50_000);
                try {
                    final CrashRound.Outcome outcome = CrashRound.run(data, seed + i, commands, killAfter, snapshots);
                    System.out.printf("round %d passed: seed %d, killed after %d ms with %,d commands journaled and "
                            + "%,d orders acknowledged; restart replayed %,d; %,d events checked%n",
                        i + 1, seed + i, killAfter, outcome.journaledAtKill(), outcome.acknowledgedAtKill(),
                        outcome.replayed(), outcome.events());
                } catch (final AssertionError e) {
                    System.out.printf("round %d FAILED: seed %d, killed after %d ms, snapshots every %d: %s%n",
                        i + 1, seed + i, killAfter, snapshots, e.getMessage());
                    System.out.println("data kept in " + data);
                    return 1;
                }
                delete(data);
            }
            System.out.printf("%d rounds passed%n", rounds);
            return 0;
        }

        private static void delete(final Path path) throws IOException {
            if (!Files.exists(path)) {
                return;
            }
            try (Stream<Path> files = Files.walk(path)) {
                for (final Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
