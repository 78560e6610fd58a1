package io.siyu.shared;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Moves instants in and out of PostgreSQL {@code timestamptz} columns, which JDBC speaks as offset date-times. */
public final class Timestamps {

    /** The earliest instant Siyu accepts from callers: the first day of year 1. */
    public static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

    /** The latest instant Siyu accepts from callers: the end of year 9999, well inside PostgreSQL's range. */
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    private Timestamps() {}

    /** Whether an instant from a caller lies in the years 1 to 9999, which every column and index can hold. */
    public static boolean accepted(Instant instant) {
        return !instant.isBefore(EARLIEST) && !instant.isAfter(LATEST);
    }

    public static OffsetDateTime of(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    public static Instant read(ResultSet rs, String column) throws SQLException {
        var value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
