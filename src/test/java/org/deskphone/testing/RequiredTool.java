package org.deskphone.testing;

import java.io.File;
import org.opentest4j.TestAbortedException;

/**
 * A program an interop test needs on the PATH. Missing in CI ({@code CI=true}) it fails the test: a
 * peer the suite promises must be there. Missing elsewhere it skips the test and says what to install.
 */
public final class RequiredTool {

    private RequiredTool() {
    }

    public static void require(String command, String debianPackage) {
        if (onPath(command)) {
            return;
        }
        String message = command + " is missing (Debian package " + debianPackage + "; tools/setup installs it)";
        if (inCi()) {
            throw new AssertionError(message);
        }
        throw new TestAbortedException(message);
    }

    public static boolean onPath(String command) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String folder : path.split(File.pathSeparator)) {
            File candidate = new File(folder, command);
            if (candidate.isFile() && candidate.canExecute()) {
                return true;
            }
        }
        return false;
    }

    public static boolean inCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }
}
