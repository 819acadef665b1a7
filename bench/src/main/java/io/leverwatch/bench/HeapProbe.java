package io.leverwatch.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * The heap of this JVM (the platform's: PostgreSQL runs in its own processes, Kafka and the four services here) as the
 * garbage collector leaves it: after every collection, the sum of what every heap pool still holds. That is the live
 * data plus what the collection did not reach yet, a far steadier figure than the used heap between collections.
 */
final class HeapProbe {

    private final AtomicLong lastAfterGc = new AtomicLong();

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
                            },
                            null,
                            null);
        }
    }

    /** Heap used after the last collection, in MiB. */
    long lastAfterGcMiB() {
        return lastAfterGc.get() >> 20;
    }

    /** Heap used right after a full collection (System.gc()), in MiB: the live data. */
    static long liveAfterFullGcMiB() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
    }

    static long collections() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount)
                .sum();
    }
}
