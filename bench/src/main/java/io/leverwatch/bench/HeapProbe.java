package io.leverwatch.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.JMException;
import javax.management.NotificationEmitter;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;

/**
 * The heap of this JVM (the platform's: PostgreSQL runs in its own processes, Kafka and the four services here) as the
 * garbage collector leaves it: after every collection, the sum of what every heap pool still holds. That is the live
 * data plus what the collection did not reach yet, a far steadier figure than the used heap between collections.
 */
final class HeapProbe {

    private final AtomicLong lastAfterGc = new AtomicLong();
    private final AtomicLong peakAfterGc = new AtomicLong();

    HeapProbe() {
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) collector)
                    .addNotificationListener(
                            (notification, handback) -> {
                                if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
                                        notification.getType())) {
                                    return;
                                }
                                var info = GarbageCollectionNotificationInfo.from(
                                        (CompositeData) notification.getUserData());
                                long used = info.getGcInfo().getMemoryUsageAfterGc().values().stream()
                                        .mapToLong(MemoryUsage::getUsed)
                                        .sum();
                                lastAfterGc.set(used);
                                peakAfterGc.accumulateAndGet(used, Math::max);
                            },
                            null,
                            null);
        }
    }

    /** Heap used after the last collection, in MiB. */
    long lastAfterGcMiB() {
        return lastAfterGc.get() >> 20;
    }

    /** The most heap any collection left since {@link #resetPeak}, in MiB. */
    long peakAfterGcMiB() {
        return peakAfterGc.get() >> 20;
    }

    void resetPeak() {
        peakAfterGc.set(lastAfterGc.get());
    }

    /** Heap used right after a full collection (System.gc()), in MiB: the live data. */
    static long liveAfterFullGcMiB() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
    }

    /**
     * The classes that hold the most live heap (after a full collection), as {@code jcmd GC.class_histogram} prints
     * them: its header and first lines, each indented for the run's output.
     */
    static String topClasses(int classes) {
        try {
            String histogram = (String) ManagementFactory.getPlatformMBeanServer()
                    .invoke(
                            new ObjectName("com.sun.management:type=DiagnosticCommand"),
                            "gcClassHistogram",
                            new Object[] {new String[0]},
                            new String[] {String[].class.getName()});
            return histogram
                    .lines()
                    .limit(classes + 2L)
                    .map(line -> "    " + line)
                    .collect(Collectors.joining("\n"));
        } catch (JMException e) {
            return "    no class histogram: " + e.getMessage();
        }
    }

    static long collections() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount)
                .sum();
    }
}
