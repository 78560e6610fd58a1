package io.siyu.audience.internal.engine;

import org.springframework.context.ApplicationContext;

/** Builds the audience index again, as a start does, for tests of what happens while it is being built. */
public final class IndexRebuilds {

    private IndexRebuilds() {}

    /** Builds the index from PostgreSQL in the caller's thread; the index answers again when this returns. */
    public static void rebuild(ApplicationContext context) {
        context.getBean(IndexBuilder.class).rebuild();
    }
}
