package io.leverwatch.compliance.leverage;

import io.leverwatch.events.access.AccessRequestRefused;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A maximal stretch of business time in which the client is locked out of at least one account held in its name.
 * One episode gives at most one alert; the alert's id is derived from the contract and the episode's first event,
 * so a replay of the same history gives the same id.
 *
 * @param lockouts the lockouts that make up the episode, by start time then first event id
 */
public record LockoutEpisode(Interval interval, List<Lockout> lockouts) {

    public LockoutEpisode {
        lockouts = List.copyOf(lockouts);
    }

    /** Groups lockouts (sorted by start) into episodes: lockouts that overlap or touch belong to one episode. */
    public static List<LockoutEpisode> group(List<Lockout> lockoutsByStart) {
        List<LockoutEpisode> episodes = new ArrayList<>();
        List<Lockout> current = new ArrayList<>();
        Instant currentEnd = null;
        for (Lockout lockout : lockoutsByStart) {
            boolean joins = !current.isEmpty()
                    && (currentEnd == null || !lockout.interval().start().isAfter(currentEnd));
            if (!joins && !current.isEmpty()) {
                episodes.add(new LockoutEpisode(
                        new Interval(current.get(0).interval().start(), currentEnd), current));
                current = new ArrayList<>();
            }
            currentEnd = current.isEmpty()
                    ? lockout.interval().end()
                    : laterEnd(currentEnd, lockout.interval().end());
            current.add(lockout);
        }
        if (!current.isEmpty()) {
            episodes.add(
                    new LockoutEpisode(new Interval(current.get(0).interval().start(), currentEnd), current));
        }
        return episodes;
    }

    /** The event that began the episode: the earliest lockout-starting event, by business time then id. */
    public Fact firstEvent() {
        return lockouts.get(0).firstEvent();
    }

    /** The alert id of this episode on the given contract, the same for every replay of the same history. */
    public String alertId(String contractId) {
        String key = contractId + "|" + firstEvent().eventId();
        return "alert-" + UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
    }

    /** True when every locked account of the episode has been restored. */
    public boolean isOver() {
        return !interval.isOngoing();
    }

    public List<AccessRequestRefused> refusals() {
        return lockouts.stream().flatMap(lockout -> lockout.refusals().stream()).toList();
    }

    public List<Fact> restoringEvents() {
        return lockouts.stream()
                .flatMap(lockout -> lockout.restoring().stream())
                .sorted(Fact.BUSINESS_ORDER)
                .toList();
    }

    // A null end is a lockout that still lasts, so it is the latest end of all.
    private static Instant laterEnd(Instant a, Instant b) {
        return a == null || b == null ? null : a.isAfter(b) ? a : b;
    }
}
