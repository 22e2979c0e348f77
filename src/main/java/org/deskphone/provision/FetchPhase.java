package org.deskphone.provision;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tinylog.Logger;

/**
 * The network half of a run, on the provisioning worker: tries the candidate servers in order, requests
 * each one's file sequence, has the store read every file, follows new server URLs as far as the
 * multistage rule allows, and stops at the first server that gave configuration.
 *
 * <p>A server is given up at once when it cannot be reached, times out or fails TLS ("the phone will exit
 * the current auto provisioning process and perform the next one", ALE L2235-2262); a missing or refused
 * file only moves on to the next file. A server whose files all fail to read counts as giving nothing, so
 * the next one is tried ("parsing fails, and the phone will continue", ALE L2166-2167). The first server
 * that gave a readable file ends discovery ("once the phone can download the configuration files
 * successfully, the phone will exit", ALE L2163-2165).
 */
final class FetchPhase {
    private static final Set<FetchStatus> SERVER_DOWN = Set.of(FetchStatus.CONNECT_FAILED, FetchStatus.TIMEOUT,
            FetchStatus.TLS_UNTRUSTED, FetchStatus.TLS_NAME_MISMATCH, FetchStatus.TLS_FAILED, FetchStatus.UNSUPPORTED);

    /**
     * What the phase brought.
     *
     * @param server   the server the configuration came from, empty when none gave any
     * @param files    the readable files, in apply order
     * @param requests every request, in order
     * @param notes    what an administrator should know: servers given up, the multistage loop guard
     */
    record Result(Optional<ServerCandidate> server, List<ParsedFile> files, List<RequestRecord> requests, List<String> notes) {
    }

    private final ProvisioningSettings settings;
    private final DeviceIdentity identity;
    private final Set<FileSequence.Family> families;
    private final Transports transports;
    private final ConfigSink sink;
    private final Map<String, String> applied;
    private final List<RequestRecord> requests = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    /**
     * @param applied the files the last applied run applied, name to MD5 ({@link ConfigSink#appliedFiles()}),
     *                which each request is marked changed or unchanged against
     */
    FetchPhase(ProvisioningSettings settings, DeviceIdentity identity, Set<FileSequence.Family> families, Transports transports,
            ConfigSink sink, Map<String, String> applied) {
        this.settings = settings;
        this.identity = identity;
        this.families = families;
        this.transports = transports;
        this.sink = sink;
        this.applied = Map.copyOf(applied);
    }

    Result run(List<ServerCandidate> candidates) {
        if (candidates.isEmpty()) {
            notes.add("no provisioning server: no server URL is set and discovery found none");
        }
        for (ServerCandidate candidate : candidates) {
            List<ParsedFile> files = fromServer(candidate);
            if (files.isEmpty()) {
                notes.add("no configuration from " + candidate + "; trying the next source");
                continue;
            }
            files = followServerUrls(candidate, files);
            return new Result(Optional.of(candidate), files, requests, notes);
        }
        return new Result(Optional.empty(), List.of(), requests, notes);
    }

    /** The readable files of one server, in order; empty when it gave none. */
    private List<ParsedFile> fromServer(ServerCandidate candidate) {
        List<ParsedFile> files = new ArrayList<>();
        List<FileSequence.Request> sequence = ServerUrls.namesFile(candidate.url())
                ? List.of(new FileSequence.Request(FileRole.NAMED, candidate.url().toString(), Optional.empty()))
                : FileSequence.of(identity, families, settings.aleFiles());
        for (FileSequence.Request request : sequence) {
            URI url = ServerUrls.resolve(candidate.url(), request.name());
            Optional<ParsedFile> file;
            try {
                file = fetchAndRead(request.role(), url, candidate.credentials());
            } catch (FetchFailure failure) {
                if (failure.status() == FetchStatus.NOT_FOUND && request.lowerCaseName().isPresent()) {
                    try {
                        file = fetchAndRead(request.role(), ServerUrls.resolve(candidate.url(), request.lowerCaseName().get()),
                                candidate.credentials());
                    } catch (FetchFailure again) {
                        continue;
                    }
                } else if (SERVER_DOWN.contains(failure.status())) {
                    notes.add("gave up on " + candidate + ": " + failure.getMessage());
                    return files;
                } else {
                    continue;
                }
            }
            file.ifPresent(files::add);
            if (file.isPresent() && request.role() == FileRole.YEALINK_MAC) {
                customMacFile(candidate, files).ifPresent(files::add);
            }
        }
        return files;
    }

    /** Yealink's {@code custom_mac_cfg.url}, applied after the MAC file (Yealink digest §6 A6). */
    private Optional<ParsedFile> customMacFile(ServerCandidate candidate, List<ParsedFile> files) {
        Optional<String> url = lastValue(files, List.of(ProvisioningSettings.CUSTOM_MAC_CFG));
        if (url.isEmpty()) {
            return Optional.empty();
        }
        try {
            return fetchAndRead(FileRole.CUSTOM_MAC, ServerUrls.resolve(candidate.url(), url.get()), candidate.credentials());
        } catch (FetchFailure | IllegalArgumentException e) {
            notes.add(ProvisioningSettings.CUSTOM_MAC_CFG + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Fetches one file and has the store read it. A file that arrives but cannot be read is recorded and
     * gives empty; a file that does not arrive throws.
     */
    private Optional<ParsedFile> fetchAndRead(FileRole role, URI url, Credentials credentials) throws FetchFailure {
        String shown = ServerUrls.redact(ServerUrls.withoutCredentials(url));
        String transport = url.getScheme().toLowerCase(Locale.ROOT);
        byte[] content;
        try {
            content = transports.fetch(url, ServerUrls.credentials(url).orElse(credentials),
                    new FetchLimits(settings.connectTimeout(), settings.attemptTimeout(), FetchLimits.CONFIG_MAX_BYTES,
                            FetchLimits.MAX_REDIRECTS));
        } catch (FetchFailure failure) {
            RequestRecord record = RequestRecord.failed(shown, transport, failure);
            requests.add(record);
            if (failure.status() == FetchStatus.NOT_FOUND) {
                Logger.debug("{}", record.line());
            } else {
                Logger.warn("{}", record.line());
            }
            throw failure;
        }
        String md5 = Md5.of(content);
        FetchedFile fetched = new FetchedFile(role, shown, content, md5, keyFor(role));
        try {
            ParsedFile parsed = sink.read(fetched);
            // The store records the MD5 of what it applied, the decrypted content; for a plain file it is this md5.
            RequestRecord record = RequestRecord.fetched(shown, transport, content.length, md5, !parsed.md5().equals(applied.get(shown)));
            requests.add(record);
            Logger.info("{}", record.line());
            return Optional.of(parsed);
        } catch (ConfigRejected e) {
            RequestRecord rejected = RequestRecord.fetched(shown, transport, content.length, md5, true).rejected(e.getMessage());
            requests.add(rejected);
            Logger.warn("{}", rejected.line());
            return Optional.empty();
        }
    }

    /**
     * Multistage (ALE L2269-2305, digest §11 A-21): with {@code DeviceProvisionImmediateUpdateTimes} n = 0 a
     * new server URL in a file is only stored (it applies with the file); with n > 0 it is requested now, up
     * to n + 1 times ("the auto provisioning request reached 3 (n+1) times", L2284-2285), and the run stops
     * as soon as a URL repeats one already requested (L2287-2290). The last URL found is stored by applying
     * the file that names it.
     */
    private List<ParsedFile> followServerUrls(ServerCandidate first, List<ParsedFile> files) {
        List<ParsedFile> all = new ArrayList<>(files);
        List<URI> requested = new ArrayList<>(List.of(ServerUrls.withoutCredentials(first.url())));
        int limit = immediateUpdateTimes(all);
        int follows = limit == 0 ? 0 : limit + 1;
        List<ParsedFile> stage = files;
        for (int done = 0; done < follows; done++) {
            Optional<String> next = lastValue(stage, List.of(ProvisioningSettings.SERVER_URL));
            if (next.isEmpty()) {
                break;
            }
            List<ServerCandidate> targets = ServerDiscovery.fromText(next.get(), ServerCandidate.Origin.MULTISTAGE,
                    first.credentials());
            if (targets.isEmpty()) {
                break;
            }
            ServerCandidate target = targets.get(0);
            URI bare = ServerUrls.withoutCredentials(target.url());
            if (requested.contains(bare)) {
                notes.add("multistage: " + bare + " was already requested in this run; stopping (ALE L2287-2290)");
                break;
            }
            requested.add(bare);
            stage = fromServer(target);
            if (stage.isEmpty()) {
                notes.add("multistage: no configuration from " + target + "; stopping");
                break;
            }
            all.addAll(stage);
        }
        return all;
    }

    /** The files' own {@code DeviceProvisionImmediateUpdateTimes}, checked by the store's read, else the phone's. */
    private int immediateUpdateTimes(List<ParsedFile> files) {
        return lastValue(files, List.of(ProvisioningSettings.IMMEDIATE_UPDATES)).map(Integer::parseInt)
                .orElse(settings.immediateUpdateTimes());
    }

    private Optional<String> keyFor(FileRole role) {
        switch (role) {
            case YEALINK_COMMON:
                return settings.commonKey();
            case YEALINK_MAC:
            case CUSTOM_MAC:
                return settings.macKey();
            default:
                return settings.aleKey().or(settings::macKey);
        }
    }

    /** The value the last of {@code files} to set one of {@code names} gives it. */
    static Optional<String> lastValue(List<ParsedFile> files, List<String> names) {
        for (int i = files.size() - 1; i >= 0; i--) {
            for (String name : names) {
                Optional<String> value = files.get(i).value(name);
                if (value.isPresent() && !value.get().isBlank()) {
                    return Optional.of(value.get().trim());
                }
            }
        }
        return Optional.empty();
    }

    /** The files' URLs and the MD5s the store will record for them, in apply order: what the change check compares. */
    static Map<String, String> fingerprint(List<ParsedFile> files) {
        Map<String, String> prints = new LinkedHashMap<>();
        files.forEach(file -> prints.put(file.fetched().source(), file.md5()));
        return prints;
    }

    /** True when {@code prints} are exactly the files the last applied run applied, in the same order. */
    static boolean sameAsApplied(Map<String, String> prints, Map<String, String> applied) {
        return !prints.isEmpty() && prints.equals(applied) && List.copyOf(prints.keySet()).equals(List.copyOf(applied.keySet()));
    }
}
