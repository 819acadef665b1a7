package io.leverwatch.compliance.dashboard;

import io.leverwatch.compliance.leverage.Severity;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The small chart of the dashboard: alerts raised per month, stacked by severity (the most severe on top), for the
 * twelve months up to {@code last}. Only geometry: the page draws it as inline SVG in a {@link #WIDTH} by
 * {@link #HEIGHT} box, standing on {@link #BASELINE}, with the month names below the bars.
 *
 * @param top the count at the top of the scale (at least 1)
 */
public record AlertChart(List<Bar> bars, long top, long total) {

    static final int MONTHS = 12;
    static final double WIDTH = 600;
    static final double HEIGHT = 172;
    /** Room for the month names (and the years) under the bars. */
    static final double AXIS = 34;
    /** Room for the count above the tallest bar. */
    static final double HEADROOM = 14;
    /** Where the bars stand. */
    static final double BASELINE = HEIGHT - AXIS;

    static final double PLOT_HEIGHT = BASELINE - HEADROOM;
    private static final double SLOT = WIDTH / MONTHS;
    private static final double BAR_WIDTH = SLOT * 0.6;

    /** One month's bar; {@code labelX} is the centre of the bar, for its month name. */
    public record Bar(
            YearMonth month, long total, Map<Severity, Long> counts, List<Segment> segments, double x, double width) {

        public double labelX() {
            return x + width / 2;
        }

        /** Whether the bar's month name carries its year: the first bar's and each January's. */
        public boolean showsYear(boolean first) {
            return first || month.getMonthValue() == 1;
        }

        /** @param severity a severity's name */
        public long count(String severity) {
            return counts.getOrDefault(Severity.valueOf(severity), 0L);
        }
    }

    /** One severity's part of a bar, from {@code y} down {@code height}. */
    public record Segment(Severity severity, long count, double y, double height) {}

    static AlertChart of(YearMonth last, List<AlertStatistics.MonthCount> counts) {
        YearMonth first = last.minusMonths(MONTHS - 1);
        List<Map<Severity, Long>> perMonth = new ArrayList<>();
        for (int i = 0; i < MONTHS; i++) {
            perMonth.add(new EnumMap<>(Severity.class));
        }
        for (AlertStatistics.MonthCount count : counts) {
            int index = (int) (count.month().getYear() * 12L
                    + count.month().getMonthValue()
                    - (first.getYear() * 12L + first.getMonthValue()));
            if (index >= 0 && index < MONTHS) {
                perMonth.get(index).merge(count.severity(), count.count(), Long::sum);
            }
        }
        long top = Math.max(
                1,
                perMonth.stream()
                        .mapToLong(m ->
                                m.values().stream().mapToLong(Long::longValue).sum())
                        .max()
                        .orElse(0));
        List<Bar> bars = new ArrayList<>();
        long total = 0;
        for (int i = 0; i < MONTHS; i++) {
            Map<Severity, Long> month = perMonth.get(i);
            List<Segment> segments = new ArrayList<>();
            double bottom = BASELINE;
            long monthTotal = 0;
            for (Severity severity : Severity.values()) { // least severe at the bottom
                long n = month.getOrDefault(severity, 0L);
                if (n > 0) {
                    double height = PLOT_HEIGHT * n / top;
                    bottom -= height;
                    segments.add(new Segment(severity, n, round(bottom), round(height)));
                    monthTotal += n;
                }
            }
            total += monthTotal;
            bars.add(new Bar(
                    first.plusMonths(i),
                    monthTotal,
                    month,
                    segments,
                    round(i * SLOT + (SLOT - BAR_WIDTH) / 2),
                    round(BAR_WIDTH)));
        }
        return new AlertChart(List.copyOf(bars), top, total);
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
