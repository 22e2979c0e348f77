package org.deskphone.app.selftest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The data folder, where configuration and state persist, takes a write and gives it back. */
final class DataFolderCheck implements Check {

    @Override
    public String name() {
        return "data";
    }

    @Override
    public CheckResult run(Bench bench) throws Exception {
        Path probe = bench.data().root().resolve(".selftest-probe");
        String written = "selftest " + System.nanoTime();
        try {
            Files.writeString(probe, written);
            String read = Files.readString(probe);
            if (!read.equals(written)) {
                return CheckResult.fail(bench.data() + " gave back other bytes than were written");
            }
        } finally {
            Files.deleteIfExists(probe);
        }
        return CheckResult.pass(bench.data() + " is writable" + freeSpace(bench.data().root()));
    }

    /** "; N MB free", or nothing where the file system cannot say (a chroot without its mount table). */
    private static String freeSpace(Path folder) {
        try {
            return "; " + Files.getFileStore(folder).getUsableSpace() / (1024 * 1024) + " MB free";
        } catch (IOException e) {
            return "";
        }
    }
}
