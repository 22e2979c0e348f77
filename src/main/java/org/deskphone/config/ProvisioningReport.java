package org.deskphone.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.deskphone.config.format.FileKind;
import org.deskphone.config.format.Problem;

/**
 * What a provisioning run did: per file, whether it applied and every warning; overall, the names that
 * changed and whether any needs a restart (the phone reboots only then, Yealink L1589–1591).
 */
public record ProvisioningReport(List<FileResult> files, Set<String> changed, boolean needsRestart) {

    /**
     * One file of the run. A rejected file applied nothing; its problems hold the error with its line.
     *
     * @param settings how many assignments applied (including resets and unknown keys kept)
     */
    public record FileResult(String name, FileKind kind, boolean applied, int settings, String md5, List<Problem> problems) {
        public FileResult {
            problems = List.copyOf(problems);
        }
    }

    public ProvisioningReport {
        files = List.copyOf(files);
        changed = Set.copyOf(changed);
    }

    /** True when every file applied (possibly with warnings). */
    public boolean allApplied() {
        return files.stream().allMatch(FileResult::applied);
    }

    /** Every problem of every file, in order. */
    public List<Problem> problems() {
        List<Problem> all = new ArrayList<>();
        files.forEach(file -> all.addAll(file.problems()));
        return all;
    }
}
