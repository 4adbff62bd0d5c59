package exchange.operations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Who may use the admin API: one line per operator in the token file, {@code name = token}, the name
 * being what the logs say did each action. Blank lines and lines starting with {@code #} are ignored.
 * A token has at least {@value #MIN_TOKEN_LENGTH} characters. No file, or no operator in it, means no
 * access at all.
 *
 * <p>Only the SHA-256 of each token is kept, and a presented token's digest is compared with every
 * operator's in constant time (a wrong guess learns nothing from how long the answer took). Immutable;
 * thread-safe.
 */
public final class AdminTokens {
    public static final int MIN_TOKEN_LENGTH = 16;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

    private final Map<String, byte[]> tokens;
    private final Path file;

    private AdminTokens(final Map<String, byte[]> tokens, final Path file) {
        this.tokens = tokens;
        this.file = file;
    }

    /**
     * @return the operators of the file; none when the file does not exist
     * @throws IllegalArgumentException naming the file, the line and the problem
     */
    public static AdminTokens load(final Path file) {
        if (!Files.exists(file)) {
            return new AdminTokens(Map.of(), file);
        }
        final List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        final Map<String, byte[]> tokens = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            final String line = lines.get(i).trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            final String where = file + " line " + (i + 1) + ": ";
            final int equals = line.indexOf('=');
            if (equals < 0) {
                throw new IllegalArgumentException(where + "expected 'name = token'");
            }
            final String name = line.substring(0, equals).trim();
            final String token = line.substring(equals + 1).trim();
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException(where + "an operator's name is 1 to 64 letters, digits, '.', '_', '@' or '-': '" + name + "'");
            }
            if (token.length() < MIN_TOKEN_LENGTH || token.chars().anyMatch(c -> c <= ' ' || c > '~')) {
                throw new IllegalArgumentException(where + "the token of " + name + " must be at least "
                    + MIN_TOKEN_LENGTH + " printable characters without spaces");
            }
            final byte[] digest = sha256(token);
            for (final Map.Entry<String, byte[]> other : tokens.entrySet()) {
                if (!other.getKey().equals(name) && MessageDigest.isEqual(digest, other.getValue())) {
                    // the audit log names who acted by the token: these two could not be told apart
                    throw new IllegalArgumentException(where + name + " has the same token as " + other.getKey()
                        + "; give each operator a token of their own");
                }
            }
            if (tokens.put(name, digest) != null) {
                throw new IllegalArgumentException(where + name + " is listed twice");
            }
        }
        return new AdminTokens(Map.copyOf(tokens), file);
    }

    /** @return the operator whose token this is, or null for none */
    public String operator(final String token) {
        if (token == null) {
            return null;
        }
        final byte[] presented = sha256(token);
        String found = null;
        for (final Map.Entry<String, byte[]> e : tokens.entrySet()) {
            if (MessageDigest.isEqual(presented, e.getValue())) { // constant time: digests have one length
                found = e.getKey();
            }
        }
        return found;
    }

    private static byte[] sha256(final String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (final NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** @return true when no operator is listed: every request is refused */
    public boolean isEmpty() {
        return tokens.isEmpty();
    }

    /** @return how many operators are listed */
    public int size() {
        return tokens.size();
    }

    /** @return the file the tokens come from */
    public Path file() {
        return file;
    }
}
