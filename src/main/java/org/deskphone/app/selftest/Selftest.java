package org.deskphone.app.selftest;

import java.util.ArrayList;
import java.util.List;

/** Runs checks in order against a bench; one failing or throwing check does not stop the others. */
public final class Selftest {
    private final List<Check> checks;

    public Selftest(List<Check> checks) {
        this.checks = List.copyOf(checks);
    }

    /**
     * The checks every phone runs. A feature with something worth checking on a live phone adds its
     * check here.
     */
    public static Selftest standard() {
        return new Selftest(List.of(
                new KeypadCheck(),
                new HookCheck(),
                new DisplayCheck(),
                new LedsCheck(),
                new AudioCheck(),
                new NativeHelpersCheck(),
                new DataFolderCheck()));
    }

    public Report run(Bench bench) {
        List<Report.Line> lines = new ArrayList<>();
        for (Check check : checks) {
            CheckResult result;
            try {
                result = check.run(bench);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                result = CheckResult.fail("interrupted");
            } catch (Exception e) {
                result = CheckResult.fail(e.getMessage() == null ? e.toString() : e.getMessage());
            }
            lines.add(new Report.Line(check.name(), result));
        }
        return new Report(lines);
    }
}
