package org.molap.experiments;

/** A user's mistake: the CLI prints the message (one sentence) and exits with code 2. */
public final class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}
