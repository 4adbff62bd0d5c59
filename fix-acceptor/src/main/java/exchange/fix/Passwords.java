package exchange.fix;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Salted password hashes for FIX logons: PBKDF2 with HMAC-SHA256. A stored hash reads
 * {@code pbkdf2-sha256:<iterations>:<salt, base64>:<hash, base64>}, so the configuration never holds a
 * password. {@code bin/exchange-client hash-password} prints one.
 */
public final class Passwords {
    private static final String SCHEME = "pbkdf2-sha256";
    private static final int ITERATIONS = 120_000;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;

    private Passwords() {
    }

    /**
     * @param password the clear password
     * @return a new salted hash in the stored format
     */
    public static String hash(final String password) {
        final byte[] salt = new byte[SALT_BYTES];
        new SecureRandom().nextBytes(salt);
        return SCHEME + ":" + ITERATIONS + ":" + Base64.getEncoder().encodeToString(salt) + ":"
            + Base64.getEncoder().encodeToString(derive(password, salt, ITERATIONS));
    }

    /**
     * Checks a password in constant time.
     *
     * @param password the clear password offered
     * @param stored   the stored hash
     * @return true when they match
     * @throws IllegalArgumentException when the stored hash is not in the stored format
     */
    public static boolean matches(final String password, final String stored) {
        final String[] parts = stored.split(":");
        if (parts.length != 4 || !SCHEME.equals(parts[0])) {
            throw new IllegalArgumentException("not a " + SCHEME + " hash: " + stored);
        }
        final int iterations = Integer.parseInt(parts[1]);
        final byte[] salt = Base64.getDecoder().decode(parts[2]);
        final byte[] expected = Base64.getDecoder().decode(parts[3]);
        return MessageDigest.isEqual(expected, derive(password, salt, iterations));
    }

    /**
     * @param stored a stored hash
     * @return true when it is in the stored format
     */
    public static boolean isHash(final String stored) {
        try {
            final String[] parts = stored.split(":");
            return parts.length == 4 && SCHEME.equals(parts[0]) && Integer.parseInt(parts[1]) > 0
                && Base64.getDecoder().decode(parts[2]).length > 0 && Base64.getDecoder().decode(parts[3]).length > 0;
        } catch (final RuntimeException e) {
            return false;
        }
    }

    private static byte[] derive(final String password, final byte[] salt, final int iterations) {
        try {
            final PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, HASH_BITS);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (final GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available", e);
        }
    }
}
