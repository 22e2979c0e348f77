package org.deskphone.provision;

import java.util.Objects;
import java.util.Optional;
import org.deskphone.config.FilePreview;
import org.deskphone.config.ProvisioningFile;
import org.deskphone.config.format.Dialect;

/**
 * A configuration file the store has read (decrypted, dialect told from its content, checked against the
 * catalogue) but not applied. The run looks into it before the commit: for a new server URL to follow (ALE
 * L2269-2305) and for the resource URLs it names (Yealink L1547-1551). Immutable; made by
 * {@link ConfigSink#read(FetchedFile)}.
 */
public final class ParsedFile {
    private final FetchedFile fetched;
    private final ProvisioningFile file;
    private final FilePreview preview;
    private final String md5;

    ParsedFile(FetchedFile fetched, ProvisioningFile file, FilePreview preview) {
        this.fetched = Objects.requireNonNull(fetched, "fetched");
        this.file = Objects.requireNonNull(file, "file");
        this.preview = Objects.requireNonNull(preview, "preview");
        this.md5 = Md5.of(file.content());
    }

    /** The file as fetched. */
    public FetchedFile fetched() {
        return fetched;
    }

    /**
     * The MD5 of the content as the store applies it, after decryption: what the store records for the file
     * and the change check compares (Yealink L1567-1577). For a file that was not encrypted it is
     * {@link FetchedFile#md5()}.
     */
    public String md5() {
        return md5;
    }

    /** The dialect the file is written in. */
    public Dialect dialect() {
        return preview.kind().dialect();
    }

    /**
     * The value this file gives the setting {@code name} (either dialect's spelling), in canonical form, or
     * empty when the file does not set it, sets it blank or resets it.
     */
    public Optional<String> value(String name) {
        return preview.value(name);
    }

    /** The decrypted file, as the store applies it. */
    ProvisioningFile file() {
        return file;
    }

    @Override
    public String toString() {
        return fetched.toString();
    }
}
