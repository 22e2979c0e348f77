package org.deskphone.provision;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The configuration store, as provisioning needs it: the one seam between fetching (this package) and
 * parsing and applying (the config store). Provisioning never parses a setting line itself; the store never
 * opens a socket.
 *
 * <p>Threads: {@link #read(FetchedFile)} runs on the provisioning worker and must not touch mutable store
 * state; {@link #get(String)}, {@link #apply(List)} and {@link #resourceInstalled} run on the phone loop.
 */
public interface ConfigSink {

    /**
     * The current value of a setting by either dialect's name ({@code auto_provision.server.url} or
     * {@code DeviceProvisionServerUrl}), or empty when it is blank and has no default.
     */
    Optional<String> get(String name);

    /**
     * Reads a fetched file without applying it: decrypts it with {@link FetchedFile#aesKey()} when it is
     * encrypted, tells its dialect from its content and parses it.
     *
     * @throws ConfigRejected naming the file and what is wrong; nothing of it may be applied
     */
    ParsedFile read(FetchedFile file) throws ConfigRejected;

    /**
     * Applies {@code files} as the layers of one commit, in order (a later file wins), each file all or
     * nothing. A file refused here is named in the report; the others still apply.
     */
    ApplyReport apply(List<ParsedFile> files);

    /**
     * A resource file (contacts, replace rules, dial-now rules) was stored at {@code file}; the store reads
     * it and replaces what it had (Yealink L906, L1040, L1113).
     *
     * @return what changed, or why the file was refused
     */
    ApplyReport resourceInstalled(ResourceKind kind, Path file);
}
