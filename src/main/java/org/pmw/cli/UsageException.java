package org.pmw.cli;

/** An option or argument the command cannot use as given: reported with exit status 2, like picocli's own. */
final class UsageException extends IllegalArgumentException {

    UsageException(String message) {
        super(message);
    }

    /** A window whose end is not after its start matches nothing: say so rather than answer 0. */
    static void window(java.time.Instant from, java.time.Instant to) {
        if (from != null && to != null && !from.isBefore(to)) {
            throw new UsageException("--from (" + from + ") must be before --to (" + to + ")");
        }
    }

    /** Reads an option's value; what the reader refuses becomes a usage error naming the option. */
    static <T> T option(String name, java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (UsageException e) {
            throw e;
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            throw new UsageException(name + ": " + e.getMessage());
        }
    }
}
