package org.deskphone.app.selftest;

import java.util.ArrayList;
import java.util.List;
import org.deskphone.app.selftest.CheckResult.Verdict;

/** The self-test's findings, one line per check, and whether the phone passed: no check failed. */
public record Report(List<Line> lines) {

    public record Line(String check, CheckResult result) {
    }

    public Report {
        lines = List.copyOf(lines);
    }

    public boolean passed() {
        return count(Verdict.FAIL) == 0;
    }

    public long count(Verdict verdict) {
        return lines.stream().filter(line -> line.result().verdict() == verdict).count();
    }

    public CheckResult result(String check) {
        return lines.stream().filter(line -> line.check().equals(check)).findFirst()
                .map(Line::result).orElseThrow(() -> new IllegalArgumentException("no check " + check));
    }

    /** The report as printed: {@code PASS  keypad   detail}, then a summary line. */
    public List<String> text() {
        List<String> text = new ArrayList<>();
        for (Line line : lines) {
            String detail = line.result().detail().replace("\n", "\n" + " ".repeat(17));
            text.add(String.format("%-5s %-10s %s", line.result().verdict(), line.check(), detail));
        }
        text.add(String.format("selftest %s: %d passed, %d warnings, %d failed, %d skipped", passed() ? "passed" : "FAILED",
                count(Verdict.PASS), count(Verdict.WARN), count(Verdict.FAIL), count(Verdict.SKIP)));
        return text;
    }
}
