package org.deskphone.dialplan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Keeps the benchmark honest between runs: its maps are what it says, and both sides agree (setUp checks). */
class DialerBenchmarkTest {

    @Test
    void theLongMapIsExactly2048CharactersAndParses() throws DialPlanException {
        String map = DialerBenchmark.longMap();
        assertThat(map).hasSize(DigitMap.MAX_LENGTH);
        assertThat(DigitMap.parse(map).size()).isGreaterThan(100);
    }

    @Test
    void bothMapsRunAndThePeerAgrees() throws DialPlanException {
        for (String map : new String[] {"default", "2048"}) {
            DialerBenchmark benchmark = new DialerBenchmark();
            benchmark.map = map;
            benchmark.setUp();
            assertThat(benchmark.number()).hasSize(DialerBenchmark.KEYS);
            assertThat(benchmark.dialler()).isNotNull();
            assertThat(benchmark.regexPeer()).isPositive();
        }
    }
}
