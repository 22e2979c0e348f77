package org.deskphone.app.selftest;

import java.util.Objects;

/** What one check found: a verdict and one line saying what was seen. */
public record CheckResult(Verdict verdict, String detail) {

    /** FAIL fails the self-test; WARN passes but says what is not as it should be; SKIP could not be checked here. */
    public enum Verdict {
        PASS, WARN, FAIL, SKIP
    }

    public CheckResult {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(detail, "detail");
    }

    public static CheckResult pass(String detail) {
        return new CheckResult(Verdict.PASS, detail);
    }

    public static CheckResult warn(String detail) {
        return new CheckResult(Verdict.WARN, detail);
    }

    public static CheckResult fail(String detail) {
        return new CheckResult(Verdict.FAIL, detail);
    }

    public static CheckResult skip(String detail) {
        return new CheckResult(Verdict.SKIP, detail);
    }
}
