package org.deskphone.config;

import java.util.ArrayList;
import java.util.List;
import org.deskphone.config.format.ContactFiles;
import org.deskphone.config.format.DialPlanFiles;
import org.deskphone.config.format.FileKind;
import org.deskphone.config.format.FormatException;
import org.deskphone.config.format.Problem;
import org.deskphone.config.format.SettingsFile;

/**
 * Validates a provisioning file of any kind the phone reads, told from its content: settings of
 * either dialect (checked against the catalogue as the store would apply them), contact files,
 * replace rules, dial-now rules. For {@code deskphone config check}.
 */
public final class FileCheck {
    private FileCheck() {
    }

    /** Every problem with {@code content}; an error means the phone would refuse the whole file. */
    public static List<Problem> check(String source, byte[] content) {
        List<Problem> problems = new ArrayList<>();
        FileKind kind = FileKind.detect(content);
        try {
            switch (kind) {
                case CONTACTS -> problems.addAll(ContactFiles.read(source, content).warnings());
                case REPLACE_RULES -> problems.addAll(DialPlanFiles.replaceRules(source, content).warnings());
                case DIAL_NOW -> problems.addAll(DialPlanFiles.dialNow(source, content).warnings());
                default -> {
                    SettingsFile file = ProvisioningRun.read(source, content, kind);
                    Config defaults = new Config(Catalogue.builtIn(), Layers.EMPTY);
                    problems.addAll(Assignments.of(file, Catalogue.builtIn(), defaults::string).problems);
                }
            }
        } catch (FormatException e) {
            problems.add(e.problem());
        }
        return problems;
    }
}
