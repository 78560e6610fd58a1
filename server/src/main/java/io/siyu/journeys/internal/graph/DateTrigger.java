package io.siyu.journeys.internal.graph;

import io.siyu.journeys.internal.graph.JourneyGraph.Trigger.DateAttribute;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * When a date-attribute trigger lets a customer in: on the day {@code offsetDays} after the anniversary of their date
 * (a birthday each year; a last order once), once the time {@code at} has come in their own time zone.
 *
 * <p>A date of February 29 has its anniversary on February 28 in years without one, so nobody born on a leap day waits
 * four years. The trigger's day is the customer's local date: the daily job asks for each date that is "today"
 * somewhere on earth at that moment (two, at most three) and keeps the customers for whom it is today and the time has
 * come.
 */
public final class DateTrigger {

    /** The attribute that names the customer's last order instead of a date trait. */
    public static final String LAST_ORDER = "last_order";

    private DateTrigger() {}

    /** The date the attribute must fall on (its anniversary, for a trait) for the trigger to fire on {@code day}. */
    public static LocalDate anchor(DateAttribute trigger, LocalDate day) {
        return day.minusDays(trigger.offsetDays());
    }

    /** The month-days of a trait whose anniversary falls on {@code anchor}: February 29 joins February 28 outside leap years. */
    public static Set<MonthDay> anniversaries(LocalDate anchor) {
        var days = new TreeSet<MonthDay>();
        days.add(MonthDay.from(anchor));
        if (!anchor.isLeapYear() && anchor.getMonthValue() == 2 && anchor.getDayOfMonth() == 28) {
            days.add(MonthDay.of(2, 29));
        }
        return days;
    }

    /** Whether a trait's date has its anniversary on {@code anchor} (the date itself is no anniversary yet). */
    public static boolean isAnniversary(LocalDate date, LocalDate anchor) {
        return date.isBefore(anchor) && anniversaries(anchor).contains(MonthDay.from(date));
    }

    /** Whether the trigger fires on {@code day} for a customer with this date: an anniversary, or the last order's day. */
    public static boolean falls(DateAttribute trigger, LocalDate date, LocalDate day) {
        var anchor = anchor(trigger, day);
        return LAST_ORDER.equals(trigger.attribute()) ? date.equals(anchor) : isAnniversary(date, anchor);
    }

    /** When the trigger fires on {@code day} for a customer in {@code zone}: its time of day there. */
    public static Instant firing(DateAttribute trigger, LocalDate day, ZoneId zone) {
        return day.atTime(trigger.at()).atZone(zone).toInstant();
    }

    /**
     * Whether the trigger's time on {@code day} falls in {@code (from, to]} in any zone on earth: a day for which it
     * does not needs no query.
     */
    public static boolean mayFireWithin(DateAttribute trigger, LocalDate day, Instant from, Instant to) {
        var earliest = day.atTime(trigger.at()).atOffset(ZoneOffset.ofHours(14)).toInstant();
        var latest = day.atTime(trigger.at()).atOffset(ZoneOffset.ofHours(-12)).toInstant();
        return latest.isAfter(from) && !earliest.isAfter(to);
    }

    /** Every date that is today somewhere on earth at {@code now} (zones run from UTC−12 to UTC+14). */
    public static List<LocalDate> daysOnEarth(Instant now) {
        var days = new TreeSet<LocalDate>();
        days.add(now.atOffset(ZoneOffset.ofHours(-12)).toLocalDate());
        days.add(now.atOffset(ZoneOffset.UTC).toLocalDate());
        days.add(now.atOffset(ZoneOffset.ofHours(14)).toLocalDate());
        return List.copyOf(days);
    }

    /** The instants between which a local date falls somewhere on earth: from its start at UTC+14 to its end at UTC−12. */
    public static Instant[] spanOnEarth(LocalDate date) {
        return new Instant[] {
            date.atStartOfDay(ZoneOffset.ofHours(14)).toInstant(),
            date.plusDays(1).atStartOfDay(ZoneOffset.ofHours(-12)).toInstant()
        };
    }

    /** A time of day as the graph writes it, {@code 09:00}. */
    static LocalTime timeOfDay(String text) {
        return LocalTime.parse(text);
    }
}
