package org.deskphone.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.deskphone.config.format.Dialect;
import org.deskphone.config.format.FileKind;
import org.deskphone.config.format.FormatException;
import org.deskphone.config.format.Problem;
import org.deskphone.config.format.SettingsFile;

/**
 * A provisioning file read against the catalogue but not applied: what it would set. For the provisioning
 * client, which looks into a run's files before it commits them (a new server URL to follow, ALE
 * L2269–2305; the resource URLs a file names, Yealink L1547–1551). Reading touches no store state, so it
 * may run on any thread; the result is immutable.
 */
public final class FilePreview {
    private final FileKind kind;
    private final Map<String, String> values;
    private final List<Problem> problems;

    private FilePreview(FileKind kind, Map<String, String> values, List<Problem> problems) {
        this.kind = kind;
        this.values = Map.copyOf(values);
        this.problems = List.copyOf(problems);
    }

    /**
     * Reads {@code file} (already decrypted) as {@link ConfigStore#applyProvisioning} would.
     *
     * @throws FormatException when the store would refuse the whole file
     */
    public static FilePreview of(ProvisioningFile file) throws FormatException {
        FileKind kind = FileKind.detect(file.content());
        SettingsFile settings = ProvisioningRun.read(file.name(), file.content(), kind);
        Catalogue catalogue = Catalogue.builtIn();
        Config defaults = new Config(catalogue, Layers.EMPTY);
        Assignments assignments = Assignments.of(settings, catalogue, defaults::string);
        Map<String, String> values = new HashMap<>();
        for (Assignments.Assignment assignment : assignments.assignments) {
            if (assignment.parameter() != null) {
                String name = assignment.parameter().name();
                if (assignment.value() == null || assignment.value().isEmpty()) {
                    values.remove(name);
                } else {
                    values.put(name, assignment.value());
                }
            }
        }
        return new FilePreview(kind, values, assignments.problems);
    }

    public FileKind kind() {
        return kind;
    }

    /**
     * The value the file gives a parameter, named in either dialect ({@code auto_provision.server.url} or
     * {@code DeviceProvisionServerUrl}), in canonical form; empty when the file does not set it, sets it
     * blank or resets it.
     */
    public Optional<String> value(String name) {
        return Catalogue.builtIn().lookup(Dialect.XML, name).map(p -> values.get(p.name()));
    }

    /** What the store would skip or keep aside, as warnings. */
    public List<Problem> problems() {
        return problems;
    }
}
