package org.deskphone.loop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class PhoneLoopPropertiesTest {

    /** Whatever the delays and however time is stepped, each timer fires once, at its due time, in due order. */
    @Property(tries = 200)
    void timersFireOnceAtTheirDueTimeWhateverTheSteps(
            @ForAll @Size(max = 30) List<@IntRange(min = 0, max = 10_000) Integer> delays,
            @ForAll @Size(min = 1, max = 20) List<@IntRange(min = 0, max = 3_000) Integer> steps) {
        VirtualClock clock = new VirtualClock(Instant.EPOCH);
        PhoneLoop loop = new PhoneLoop(clock);
        List<long[]> fired = new ArrayList<>();
        for (int i = 0; i < delays.size(); i++) {
            int index = i;
            loop.schedule(Duration.ofMillis(delays.get(i)), () -> fired.add(new long[] {index, clock.millis()}));
        }
        for (int step : steps) {
            loop.advance(Duration.ofMillis(step));
        }
        loop.advance(Duration.ofMillis(10_001));

        assertThat(fired).hasSize(delays.size());
        for (long[] event : fired) {
            assertThat(event[1]).isEqualTo(delays.get((int) event[0]).longValue());
        }
        List<long[]> expectedOrder = new ArrayList<>(fired);
        expectedOrder.sort(Comparator.<long[]>comparingLong(e -> e[1]).thenComparingLong(e -> e[0]));
        assertThat(fired).containsExactlyElementsOf(expectedOrder);
    }
}
