package io.leverwatch.compliance.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.leverwatch.compliance.leverage.Severity;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertChartTest {

    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

    @Test
    void showsTwelveMonthsEndingWithTheLastAndLeavesOutOlderAlerts() {
        AlertChart chart = AlertChart.of(
                NOVEMBER,
                List.of(
                        new AlertStatistics.MonthCount(YearMonth.of(2026, 4), Severity.CRITICAL, 2),
                        new AlertStatistics.MonthCount(YearMonth.of(2025, 11), Severity.HIGH, 5)));

        assertThat(chart.bars()).hasSize(12);
        assertThat(chart.bars().get(0).month()).isEqualTo(YearMonth.of(2025, 12));
        assertThat(chart.bars().get(11).month()).isEqualTo(NOVEMBER);
        assertThat(chart.total()).isEqualTo(2);
        assertThat(chart.bars().get(4).count("CRITICAL")).isEqualTo(2);
    }

    @Test
    void stacksTheMostSevereOnTopAndScalesTheTallestBarToTheWholePlot() {
        AlertChart chart = AlertChart.of(
                NOVEMBER,
                List.of(
                        new AlertStatistics.MonthCount(NOVEMBER, Severity.MEDIUM, 1),
                        new AlertStatistics.MonthCount(NOVEMBER, Severity.CRITICAL, 3),
                        new AlertStatistics.MonthCount(NOVEMBER.minusMonths(1), Severity.HIGH, 2)));

        AlertChart.Bar november = chart.bars().get(11);
        assertThat(chart.top()).isEqualTo(4);
        assertThat(november.segments())
                .extracting(AlertChart.Segment::severity)
                .containsExactly(Severity.MEDIUM, Severity.CRITICAL);
        AlertChart.Segment medium = november.segments().get(0);
        AlertChart.Segment critical = november.segments().get(1);
        assertThat(medium.y() + medium.height()).isEqualTo(AlertChart.BASELINE);
        assertThat(critical.y() + critical.height()).isEqualTo(medium.y());
        assertThat(critical.y()).isEqualTo(AlertChart.HEADROOM);
        assertThat(chart.bars().get(10).segments().get(0).height()).isEqualTo(AlertChart.PLOT_HEIGHT / 2);
    }

    @Test
    void anEmptyChartHasNoBarsToDraw() {
        AlertChart chart = AlertChart.of(NOVEMBER, List.of());

        assertThat(chart.total()).isZero();
        assertThat(chart.top()).isEqualTo(1);
        assertThat(chart.bars()).allSatisfy(bar -> assertThat(bar.segments()).isEmpty());
    }
}
