package org.deskphone.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.deskphone.config.Config;
import org.deskphone.config.ConfigChange;
import org.deskphone.config.ConfigStore;
import org.deskphone.config.format.DialPlanFiles;
import org.deskphone.config.format.FormatException;
import org.deskphone.config.format.RuleList;
import org.deskphone.dialplan.DialPlan;
import org.deskphone.dialplan.DialPlanException;
import org.deskphone.dialplan.DialPlanSettings;
import org.deskphone.dialplan.RuleFiles;
import org.deskphone.provision.ResourceKind;
import org.tinylog.Logger;

/**
 * The phone's dial plan in force, its one owner: compiled from the configuration and the replace-rule and
 * dial-now files provisioning installed, and again when either changes. Settings the plan cannot use leave
 * the plan in force as it was, and {@link #refused()} says why ({@link DialPlan#update}); after a restart
 * that is the default plan. Changes run on the phone loop; {@link #current()} and {@link #refused()} may be
 * read from any thread (the dialler, the web UI's tester).
 */
public final class PhoneDialPlan {
    private final ConfigStore config;
    private final Path resources;
    private volatile DialPlan current = DialPlan.defaults();
    private volatile DialPlanException refused;

    /** {@code resources} is {@code <data>/resources}, where provisioning installs the rule files. */
    PhoneDialPlan(ConfigStore config, Path resources) {
        this.config = config;
        this.resources = resources;
    }

    /** Compiles the configured plan and follows the configuration from now on. On the loop. */
    void start() {
        config.subscribe(this::configChanged);
        update();
    }

    /** The plan in force: immutable, so a dialling keeps the plan it started with. */
    public DialPlan current() {
        return current;
    }

    /** Why the configured plan is not the one in force, if it is not: to show where the user looks. */
    public Optional<DialPlanException> refused() {
        return Optional.ofNullable(refused);
    }

    /** Provisioning installed a file of {@code kind} in place of the one before. On the loop. */
    void rulesInstalled(ResourceKind kind) {
        if (kind == ResourceKind.REPLACE_RULES || kind == ResourceKind.DIAL_NOW) {
            update();
        }
    }

    /**
     * The settings the configuration in {@code data} gives, with its installed rule files: what
     * {@code deskphone dialplan --data} tries.
     */
    static DialPlanSettings settings(Config config, Path resources) throws DialPlanException {
        return DialPlanSettings.from(config, ruleFiles(resources));
    }

    private void configChanged(ConfigChange change) {
        if (change.changed().stream().anyMatch(DialPlanSettings::reads)) {
            update();
        }
    }

    private void update() {
        DialPlan.Update update = DialPlan.update(current, config.current(), ruleFiles(resources));
        current = update.plan();
        refused = update.refused();
    }

    private static RuleFiles ruleFiles(Path resources) {
        return new RuleFiles(installed(resources, ResourceKind.REPLACE_RULES, DialPlanFiles::replaceRules),
                installed(resources, ResourceKind.DIAL_NOW, DialPlanFiles::dialNow));
    }

    private interface FileReader<T> {
        RuleList<T> read(String source, byte[] content) throws FormatException;
    }

    /**
     * The rules of the installed file of {@code kind}. Provisioning checked it before it installed it; one that
     * cannot be read now (a damaged disk) counts as none, and says so.
     */
    private static <T> Optional<List<T>> installed(Path resources, ResourceKind kind, FileReader<T> reader) {
        try {
            Optional<Path> file = kind.inForce(resources);
            if (file.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(reader.read(file.get().toString(), Files.readAllBytes(file.get())).rules());
        } catch (IOException | FormatException e) {
            Logger.error("the installed {} file cannot be read, so it is not in force: {}", kind.folder(), e.getMessage());
            return Optional.empty();
        }
    }
}
