package io.siyu.demo.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Map;

/**
 * How busy a day is for a Chinese e-commerce brand, relative to an ordinary weekday: the shopping festivals (Double 11,
 * 618, Double 12, Women's Day, 520), the quiet Spring Festival week and the stocking-up weeks before it, weekends.
 */
final class DemoCalendar {

    static final double PEAK = 6.0;

    private static final Map<Integer, LocalDate> SPRING_FESTIVAL = Map.of(
            2024, LocalDate.of(2024, 2, 10),
            2025, LocalDate.of(2025, 1, 29),
            2026, LocalDate.of(2026, 2, 17),
            2027, LocalDate.of(2027, 2, 6),
            2028, LocalDate.of(2028, 1, 26),
            2029, LocalDate.of(2029, 2, 13),
            2030, LocalDate.of(2030, 2, 3));

    private DemoCalendar() {}

    static double busyness(LocalDate day) {
        var factor = 1.0;
        var date = MonthDay.from(day);
        if (date.equals(MonthDay.of(11, 11))) {
            factor = PEAK;
        } else if (date.isAfter(MonthDay.of(10, 31)) && date.isBefore(MonthDay.of(11, 11))) {
            factor = 2.0;
        } else if (date.isAfter(MonthDay.of(11, 11)) && date.isBefore(MonthDay.of(11, 15))) {
            factor = 1.5;
        } else if (date.equals(MonthDay.of(6, 18))) {
            factor = 4.0;
        } else if (date.isAfter(MonthDay.of(5, 31)) && date.isBefore(MonthDay.of(6, 18))) {
            factor = 1.8;
        } else if (date.equals(MonthDay.of(12, 12))) {
            factor = 2.5;
        } else if (date.equals(MonthDay.of(3, 8)) || date.equals(MonthDay.of(5, 20))) {
            factor = 2.0;
        }
        var festival = SPRING_FESTIVAL.get(day.getYear());
        if (festival != null) {
            if (!day.isBefore(festival.minusDays(1)) && !day.isAfter(festival.plusDays(6))) {
                factor *= 0.5;
            } else if (day.isBefore(festival) && !day.isBefore(festival.minusDays(15))) {
                factor *= 1.4;
            }
        }
        if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            factor *= 1.15;
        }
        return Math.min(factor, PEAK);
    }

    /** The price factor of festival sales. */
    static double discount(LocalDate day) {
        var date = MonthDay.from(day);
        if (date.isAfter(MonthDay.of(10, 31)) && date.isBefore(MonthDay.of(11, 12))) {
            return 0.8;
        }
        if (date.isAfter(MonthDay.of(5, 31)) && date.isBefore(MonthDay.of(6, 19))) {
            return 0.85;
        }
        if (date.equals(MonthDay.of(12, 12))) {
            return 0.88;
        }
        return 1.0;
    }

    static boolean festival(LocalDate day) {
        return discount(day) < 1.0;
    }
}
