package org.deskphone.provision;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.deskphone.config.AppliedFile;
import org.deskphone.config.Config;
import org.deskphone.config.ConfigChange;
import org.deskphone.config.ConfigStore;
import org.deskphone.config.FilePreview;
import org.deskphone.config.Parameter;
import org.deskphone.config.ProvisioningFile;
import org.deskphone.config.ProvisioningReport;
import org.deskphone.config.Source;
import org.deskphone.config.format.ConfigCipher;
import org.deskphone.config.format.ContactFiles;
import org.deskphone.config.format.ContactList;
import org.deskphone.config.format.DialPlanFiles;
import org.deskphone.config.format.FileKind;
import org.deskphone.config.format.FormatException;
import org.deskphone.config.format.Problem;
import org.deskphone.config.format.RuleList;

/**
 * The configuration store, as provisioning needs it: the one seam between fetching (this package) and
 * reading and applying (the store and its formats). Provisioning never parses a setting line itself; the
 * store never opens a socket.
 *
 * <p>Threads: {@link #read(FetchedFile)}, {@link #current()} and {@link #appliedFiles()} may run on any
 * thread (the provisioning worker reads files with them); {@link #apply(List)} and
 * {@link #resourceInstalled} change the store and run on the phone loop.
 */
public final class ConfigSink {
    private final ConfigStore store;
    private final Consumer<ResourceKind> installed;

    /** Provisioning into {@code store}; nothing is told of the resource files it installs. */
    public ConfigSink(ConfigStore store) {
        this(store, kind -> { });
    }

    /**
     * Provisioning into {@code store}; {@code installed} hears, on the loop, of every contact or dial-rule
     * file that replaced the one before (the dial plan reads the rules from there).
     */
    public ConfigSink(ConfigStore store, Consumer<ResourceKind> installed) {
        this.store = Objects.requireNonNull(store, "store");
        this.installed = Objects.requireNonNull(installed, "installed");
    }

    /** The configuration now: an immutable snapshot, safe on any thread. */
    public Config current() {
        return store.current();
    }

    /** Calls {@code listener} on the loop after each committed change. */
    ConfigStore.Subscription subscribe(Consumer<ConfigChange> listener) {
        return store.subscribe(listener);
    }

    /**
     * The files the last applied run applied, by the name the run gave them (the URL without credentials),
     * with the MD5 of their content, in apply order. The store saves this record atomically with the values
     * those files gave, so an MD5 here never stands for values that were not saved (Yealink L1567-1577).
     */
    public Map<String, String> appliedFiles() {
        Map<String, String> files = new LinkedHashMap<>();
        for (AppliedFile file : store.current().provisionedFiles()) {
            files.put(file.name(), file.md5());
        }
        return files;
    }

    /**
     * Reads a fetched file without applying it: decrypts it with {@link FetchedFile#aesKey()} when it is
     * encrypted, tells its dialect from its content and reads it against the catalogue.
     *
     * @throws ConfigRejected saying what is wrong; nothing of the file may be applied
     */
    public ParsedFile read(FetchedFile fetched) throws ConfigRejected {
        byte[] content = fetched.content();
        try {
            if (FileKind.detect(content) == FileKind.ENCRYPTED) {
                String key = fetched.aesKey().orElseThrow(() -> new ConfigRejected(
                        "the file is encrypted and no AES key is configured for it (" + fetched.role() + ")"));
                content = ConfigCipher.decrypt(fetched.source(), content, key);
            }
            ProvisioningFile file = new ProvisioningFile(fetched.source(), content);
            return new ParsedFile(fetched, file, FilePreview.of(file));
        } catch (FormatException e) {
            throw new ConfigRejected(withoutSource(e.problem()));
        }
    }

    /**
     * Applies {@code files} as the layers of one commit, in order (a later file wins), each file all or
     * nothing. A file refused here is named in the report; the others still apply. Runs on the loop.
     */
    public ApplyReport apply(List<ParsedFile> files) {
        List<ProvisioningFile> plain = new ArrayList<>();
        files.forEach(file -> plain.add(file.file()));
        ProvisioningReport report = store.applyProvisioning(plain);
        Config after = store.current();
        List<ApplyReport.Change> changes = new ArrayList<>();
        for (String name : new TreeSet<>(report.changed())) {
            Parameter parameter = after.parameter(name);
            Config.Value value = after.value(name);
            changes.add(new ApplyReport.Change(name, value.source() == Source.FACTORY ? null : parameter.display(value.text()),
                    parameter.isSecret(), parameter.needsRestart()));
        }
        List<ApplyReport.Rejection> rejected = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (ProvisioningReport.FileResult file : report.files()) {
            if (!file.applied()) {
                rejected.add(new ApplyReport.Rejection(file.name(), file.problems().stream().filter(Problem::isError)
                        .findFirst().map(ConfigSink::withoutSource).orElse("refused")));
            }
            file.problems().stream().filter(problem -> !problem.isError()).forEach(problem -> warnings.add(problem.toString()));
        }
        return new ApplyReport(changes, rejected, warnings, report.needsRestart());
    }

    /**
     * A contact, replace-rule or dial-now file was stored at {@code file} in place of the one before (Yealink
     * L906, L1040, L1113): reads it, says what it holds and tells whoever reads that kind. Runs on the loop.
     *
     * @return what changed, or why the file cannot be read
     */
    public ApplyReport resourceInstalled(ResourceKind kind, Path file) {
        try {
            List<String> warnings = new ArrayList<>();
            String summary = readResource(kind, file.getFileName().toString(), Files.readAllBytes(file), warnings);
            installed.accept(kind);
            return new ApplyReport(List.of(new ApplyReport.Change(kind.folder(), summary, false, false)), List.of(), warnings, false);
        } catch (IOException e) {
            return rejected(file, "cannot read it: " + e.getMessage());
        } catch (FormatException e) {
            return rejected(file, withoutSource(e.problem()));
        }
    }

    /**
     * Reads a resource file the store reads (contacts, replace rules, dial-now rules) to check it before it
     * replaces the installed one; any thread.
     *
     * @param warnings receives the entries skipped inside the file
     * @return what it holds, as a person would say it ({@code dialrules.xml: 3 rules})
     * @throws FormatException when the file cannot be used at all
     */
    static String readResource(ResourceKind kind, String name, byte[] content, List<String> warnings) throws FormatException {
        switch (kind) {
            case CONTACTS: {
                ContactList contacts = ContactFiles.read(name, content);
                contacts.warnings().forEach(problem -> warnings.add(problem.toString()));
                return name + ": " + contacts.contacts().size() + " contacts in " + contacts.groups().size() + " groups";
            }
            case REPLACE_RULES:
                return rules(name, DialPlanFiles.replaceRules(name, content), warnings);
            case DIAL_NOW:
                return rules(name, DialPlanFiles.dialNow(name, content), warnings);
            default:
                throw new IllegalArgumentException(kind + " files are not read by the configuration store");
        }
    }

    private static String rules(String name, RuleList<?> rules, List<String> warnings) {
        rules.warnings().forEach(problem -> warnings.add(problem.toString()));
        return name + ": " + rules.rules().size() + " rules";
    }

    private static ApplyReport rejected(Path file, String why) {
        return new ApplyReport(List.of(), List.of(new ApplyReport.Rejection(file.toString(), why)), List.of(), false);
    }

    /** The problem's line and message; the request or rejection it goes into names the file. */
    private static String withoutSource(Problem problem) {
        return (problem.line() > 0 ? "line " + problem.line() + ": " : "") + problem.message();
    }
}
