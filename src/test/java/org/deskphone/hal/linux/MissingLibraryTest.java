package org.deskphone.hal.linux;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without the native library the phone runs on: every call answers that it was not done, and why. */
class MissingLibraryTest {
    @TempDir
    Path tmp;

    @Test
    void aMissingLibraryIsADescriptionNotAnError() {
        RealTime realTime = new RealTime(NativeHelpers.load(tmp.resolve("linux-x86_64").resolve(NativeHelpers.FILE)));
        assertThat(realTime.available()).isFalse();
        assertThat(realTime.status()).endsWith("libdeskphone-rt.so does not exist");
        Outcome raised = realTime.raiseCurrentThread(RealTime.MEDIA_PRIORITY);
        assertThat(raised.done()).isFalse();
        assertThat(raised.message()).startsWith("native helpers not loaded: ").endsWith("does not exist");
        assertThat(realTime.lockMemory().done()).isFalse();
        assertThat(realTime.setCpuGovernor("performance").done()).isFalse();
        assertThat(realTime.currentThreadScheduling()).startsWith("unknown (native helpers not loaded");
    }

    @Test
    void aLibraryForAnotherMachineIsNotLoaded() throws Exception {
        String other = NativeHelpers.arch().equals("aarch64") ? "x86_64" : "aarch64";
        Path built = NativeHelpers.location().getParent().resolveSibling("linux-" + other).resolve(NativeHelpers.FILE);
        Path wrong = tmp.resolve(NativeHelpers.FILE);
        if (Files.isRegularFile(built)) {
            Files.copy(built, wrong);
        } else {
            Files.writeString(wrong, "not an ELF file");
        }
        NativeHelpers.Availability availability = NativeHelpers.load(wrong);
        assertThat(availability.loaded()).isFalse();
        assertThat(availability.description()).startsWith("cannot load " + wrong);
    }

    @Test
    void systemdCannotBeNotifiedWithoutIt() {
        Systemd systemd = new Systemd(Map.of("NOTIFY_SOCKET", "/run/systemd/notify"), 1,
                new NativeHelpers.Availability(false, "x does not exist"));
        assertThat(systemd.watchdog().message()).isEqualTo("cannot notify systemd: native helpers not loaded: x does not exist");
    }
}
