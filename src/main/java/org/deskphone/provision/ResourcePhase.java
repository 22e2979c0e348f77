package org.deskphone.provision;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.deskphone.config.format.Dialect;
import org.deskphone.config.format.FormatException;
import org.deskphone.config.format.Problem;
import org.tinylog.Logger;

/**
 * The resource files a run's configuration names, fetched after the configuration applied (Yealink
 * L1547-1557) into {@code <data>/resources/<kind>/}, on the provisioning worker. A file whose MD5 matches
 * what is installed is left alone (Yealink digest §6 A8); a file that breaks its kind's limits, or that
 * the store cannot read, is refused and the installed one kept. Deletion settings remove the custom files
 * of their kind. Each URL setting is read from the files of its own dialect, where the same parameter may
 * carry other limits (Yealink's 100 KB ringtone, ALE's 1.2 MB) or other deletion words.
 */
final class ResourcePhase {

    /** A file now in place, for the store or the firmware installer to take over on the loop. */
    record Installed(ResourceSetting setting, Path file, String url, String md5) {
    }

    record Result(List<Installed> installed, List<RequestRecord> requests, List<String> notes) {
    }

    private final Path root;
    private final Transports transports;
    private final ProvisioningSettings settings;
    private final Map<String, String> installedMd5;
    private final boolean firmwareInstallable;
    private final List<RequestRecord> requests = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<Installed> installed = new ArrayList<>();

    /**
     * @param root                {@code <data>/resources}
     * @param installedMd5        URL to MD5 of what is installed now (a snapshot of the state)
     * @param firmwareInstallable the board can install firmware; otherwise it is not even downloaded
     */
    ResourcePhase(Path root, Transports transports, ProvisioningSettings settings, Map<String, String> installedMd5,
            boolean firmwareInstallable) {
        this.root = root;
        this.transports = transports;
        this.settings = settings;
        this.installedMd5 = Map.copyOf(installedMd5);
        this.firmwareInstallable = firmwareInstallable;
    }

    Result run(ServerCandidate server, List<ParsedFile> files) {
        for (ResourceSetting deletion : ResourceSetting.DELETIONS) {
            deletion.lastValue(files).ifPresent(value -> delete(deletion, value));
        }
        for (ResourceSetting setting : ResourceSetting.ALL) {
            Optional<String> value = setting.lastValue(files);
            if (value.isEmpty()) {
                continue;
            }
            URI url;
            try {
                url = ServerUrls.resolve(server.url(), value.get());
            } catch (IllegalArgumentException e) {
                notes.add(setting.name() + ": " + e.getMessage());
                continue;
            }
            fetch(setting, url, server);
        }
        return new Result(installed, requests, notes);
    }

    private void fetch(ResourceSetting setting, URI url, ServerCandidate server) {
        String shown = ServerUrls.redact(ServerUrls.withoutCredentials(url));
        if (setting.kind() == ResourceKind.FIRMWARE) {
            if (!firmwareInstallable) {
                notes.add(setting.name() + " = " + shown + ": this board cannot install firmware; not downloaded");
                return;
            }
            if (installedMd5.containsKey(shown)) {
                notes.add(setting.name() + " = " + shown + ": already installed; not downloaded again");
                return;
            }
        }
        Credentials credentials = ServerUrls.credentials(url)
                .orElse(sameServer(url, server.url()) ? server.credentials() : Credentials.NONE);
        byte[] content;
        try {
            content = transports.fetch(url, credentials, new FetchLimits(settings.connectTimeout(),
                    setting.kind() == ResourceKind.FIRMWARE ? settings.attemptTimeout().multipliedBy(30) : settings.attemptTimeout(),
                    setting.maxBytes(), FetchLimits.MAX_REDIRECTS));
        } catch (FetchFailure failure) {
            RequestRecord record = RequestRecord.failed(shown, scheme(url), failure);
            requests.add(record);
            Logger.warn("{}", record.line());
            return;
        }
        String md5 = Md5.of(content);
        RequestRecord record = RequestRecord.fetched(shown, scheme(url), content.length, md5, !md5.equals(installedMd5.get(shown)));
        String name = fileName(url, setting);
        Optional<String> problem = check(setting, name, content);
        if (problem.isPresent()) {
            record = record.rejected(problem.get());
            requests.add(record);
            Logger.warn("{}", record.line());
            return;
        }
        requests.add(record);
        Logger.info("{}", record.line());
        if (record.change() == RequestRecord.Change.UNCHANGED) {
            return;
        }
        try {
            Path folder = Files.createDirectories(root.resolve(setting.kind().folder()));
            Path target = folder.resolve(name);
            Path temporary = folder.resolve("." + name + ".new");
            Files.write(temporary, content);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            if (setting.kind().oneInForce()) {
                removeAllBut(folder, target);
            }
            installed.add(new Installed(setting, target, shown, md5));
        } catch (IOException e) {
            notes.add(setting.name() + ": cannot store " + name + ": " + e.getMessage());
        }
    }

    /** The files the one just installed replaces (Yealink L1038-1040, L1111-1113). */
    private void removeAllBut(Path folder, Path kept) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                if (!entry.equals(kept) && !entry.getFileName().toString().startsWith(".") && Files.isRegularFile(entry)) {
                    Files.delete(entry);
                }
            }
        }
    }

    /**
     * Why a file is refused before it replaces what is installed: a bad ringtone, a certificate that is none,
     * a contact or dial-rule file the store cannot read.
     */
    private static Optional<String> check(ResourceSetting setting, String name, byte[] content) {
        if (setting.kind().readByStore()) {
            try {
                ConfigSink.readResource(setting.kind(), name, content, new ArrayList<>());
            } catch (FormatException e) {
                Problem problem = e.problem();
                return Optional.of(name + (problem.line() > 0 ? ":" + problem.line() : "") + ": " + problem.message());
            }
        }
        if (setting.kind() == ResourceKind.RINGTONE) {
            return RingtoneCheck.problem(setting.name(), name, content);
        }
        if (setting.kind() == ResourceKind.TRUSTED_CERTIFICATE) {
            try {
                if (CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(content)).isEmpty()) {
                    return Optional.of(name + " holds no certificate");
                }
            } catch (CertificateException e) {
                return Optional.of(name + " is not a certificate file (PEM or DER): " + e.getMessage());
            }
        }
        return Optional.empty();
    }

    /**
     * Yealink deletes only for exactly {@code http://localhost/all} (L11300-11307, digest §6 A28); ALE's
     * {@code SettingRingtoneDelete} takes {@code /all} or a file name, {@code SettingWallpaperDelete} a name.
     */
    private void delete(ResourceSetting deletion, String value) {
        String text = value.trim();
        Path folder = root.resolve(deletion.kind().folder());
        boolean yealink = deletion.dialect() == Dialect.CFG;
        boolean all = yealink ? text.equalsIgnoreCase("http://localhost/all") : text.equalsIgnoreCase("/all");
        if (yealink && !all) {
            notes.add(deletion.name() + " = " + text + ": only http://localhost/all deletes (Yealink L11300-11307); ignored");
            return;
        }
        try {
            if (!Files.isDirectory(folder)) {
                return;
            }
            if (all) {
                try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
                    for (Path entry : entries) {
                        Files.deleteIfExists(entry);
                    }
                }
                notes.add(deletion.name() + ": deleted every custom " + deletion.kind().folder() + " file");
            } else {
                Path one = folder.resolve(safeName(text));
                if (Files.deleteIfExists(one)) {
                    notes.add(deletion.name() + ": deleted " + one.getFileName());
                }
            }
        } catch (IOException e) {
            notes.add(deletion.name() + ": " + e.getMessage());
        }
    }

    private static String fileName(URI url, ResourceSetting setting) {
        String path = url.getPath() == null ? "" : url.getPath();
        String last = path.substring(path.lastIndexOf('/') + 1);
        String safe = safeName(last);
        return safe.isEmpty() ? setting.kind().name().toLowerCase(Locale.ROOT) : safe;
    }

    private static String safeName(String name) {
        String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        String safe = base.replaceAll("[^A-Za-z0-9._+-]", "_");
        return safe.startsWith(".") ? "_" + safe.substring(1) : safe;
    }

    private static boolean sameServer(URI a, URI b) {
        return String.valueOf(a.getHost()).equalsIgnoreCase(String.valueOf(b.getHost())) && a.getPort() == b.getPort()
                && String.valueOf(a.getScheme()).equalsIgnoreCase(String.valueOf(b.getScheme()));
    }

    private static String scheme(URI url) {
        return url.getScheme().toLowerCase(Locale.ROOT);
    }
}
