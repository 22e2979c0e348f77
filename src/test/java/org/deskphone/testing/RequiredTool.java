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
        if (command.startsWith("/") ? new File(command).canExecute() : onPath(command)) {
            return;
        }
        String message = command + " is missing (Debian package " + debianPackage + "; tools/setup installs it)";
        if (inCi()) {
            throw new AssertionError(message);
        }
        throw new TestAbortedException(message);
    }

    /** Fails (CI) or skips (elsewhere) when this process is not root, saying what needs it. */
    public static void requireRoot(String what) {
        if ("root".equals(System.getProperty("user.name"))) {
            return;
        }
        String message = what + " need root; this test runs as " + System.getProperty("user.name");
        if (inCi()) {
            throw new AssertionError(message);
        }
        throw new TestAbortedException(message);
    }

    /** True when Debian's python3 can import {@code module}. */
    public static boolean pythonModule(String module) {
        try {
            Process check = new ProcessBuilder("/usr/bin/python3", "-c", "import " + module).redirectErrorStream(true).start();
            check.getInputStream().readAllBytes();
            return check.waitFor() == 0;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Fails (CI) or skips (elsewhere) because {@code what} is missing, naming the package that has it. */
    public static void missing(String what, String debianPackage) {
        String message = what + " is missing (Debian package " + debianPackage + "; tools/setup installs it)";
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
