package org.deskphone.hal.pi;

import static org.assertj.core.api.Assertions.assertThat;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** pi4j logs through SLF4J; slf4j-tinylog must carry that into tinylog's levels, format and writers. */
class Pi4jLoggingTest {

    @Test
    void pi4jLogsThroughTinylogAtTheLevelsTinylogSets() {
        assertThat(LoggerFactory.getILoggerFactory().getClass().getName()).startsWith("org.tinylog.slf4j.");
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream err = System.err;
        // tinylog's console writer (tinylog-test.properties) writes to whatever System.err is at the time.
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            Context context = Pi4J.newContextBuilder().build();
            context.shutdown();
            context.shutdown(); // pi4j warns that it is already shut down
        } finally {
            System.setErr(err);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertThat(log).as("a pi4j warning, in tinylog's format")
                .containsPattern("WARN  \\[main\\] DefaultRuntime: Pi4J context/runtime is already shutdown");
        assertThat(log).as("pi4j's info lines are below the com.pi4j level tinylog-test.properties sets")
                .doesNotContain("Initializing Pi4J context/runtime");
    }
}
