package org.molap.experiments;

import java.util.Locale;

/** How big a run is: {@code quick} (minutes on a laptop, the default) or {@code paper} (the seed's settings). */
public enum Profile {
    QUICK, PAPER;

    public static Profile parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException("Unknown profile '" + name + "': use quick or paper.");
        }
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
